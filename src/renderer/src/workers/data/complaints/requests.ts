/** The complaint requests: filing, lists, the lifecycle, ownership, edits, notes, the timeline. */
import { z } from 'zod'

import { personaIdSchema } from '@shared/practice/practice-mark'
import { complaintDetailsSchema } from '@shared/domain/complaint'
import { editableComplaintFields, editableValuesSchema } from '@shared/domain/complaint-edit'
import { complaintFilterSchema } from '@shared/domain/complaint-filter'
import { lifecycleActions } from '@shared/domain/complaint-lifecycle'
import { configCodeSchema } from '@shared/domain/configuration'

import { listLimit, request, type RequestSlice } from '../request-table'
import {
  addComplaintNote,
  assignComplaint,
  createComplaint,
  discardRejectedComplaint,
  escalateComplaint,
  transitionComplaint
} from './commands'
import { resolveEditConflict, updateComplaint } from './edit-commands'
import { complaintTimeline } from './events'
import { listComplaints } from './rows'

export const complaintRequests = {
  'complaint:create': request(
    z
      .object({
        customerId: z.uuid().nullable(),
        personaId: personaIdSchema.nullable().default(null),
        callId: z.string().max(128).nullable(),
        category: configCodeSchema,
        description: z.string().trim().min(3).max(4000)
      })
      .extend(complaintDetailsSchema.shape),
    'typed',
    async (host, args) => ({
      complaint: await host.session.write((store) => createComplaint(store, args), ['complaint'])
    })
  ),
  'complaint:list': request(
    z.object({
      customerId: z.string().max(128).nullable(),
      limit: listLimit,
      filter: complaintFilterSchema.optional()
    }),
    'typed',
    (host, { customerId, limit, filter }) => {
      const store = host.session.store
      return { complaints: listComplaints(store.db, customerId, limit, filter, store.now()) }
    }
  ),
  'complaint:transition': request(
    z.object({
      complaintId: z.uuid(),
      action: z.enum(lifecycleActions),
      note: z.string().trim().max(2000).nullable()
    }),
    'typed',
    async (host, args) => ({
      complaint: await host.session.write(
        (store) => transitionComplaint(store, args),
        ['complaint']
      )
    })
  ),
  'complaint:escalate': request(
    z.object({ complaintId: z.uuid(), reason: z.string().trim().min(3).max(2000) }),
    'typed',
    async (host, args) => ({
      complaint: await host.session.write(
        (store) => escalateComplaint(store, args),
        ['complaint', 'complaint_event']
      )
    })
  ),
  'complaint:assign': request(
    z.object({ complaintId: z.uuid(), assigneeId: z.uuid() }),
    'typed',
    async (host, args) => ({
      complaint: await host.session.write(
        (store) => assignComplaint(store, args),
        ['complaint', 'complaint_event']
      )
    })
  ),
  'complaint:update': request(
    z.object({
      complaintId: z.uuid(),
      before: editableValuesSchema,
      after: editableValuesSchema
    }),
    'typed',
    async (host, args) => ({
      complaint: await host.session.write(
        (store) => updateComplaint(store, args),
        ['complaint', 'complaint_event']
      )
    })
  ),
  'complaint:resolveConflict': request(
    z.object({
      complaintId: z.uuid(),
      field: z.enum(editableComplaintFields),
      choice: z.enum(['theirs', 'mine'])
    }),
    'typed',
    // "mine" is a new edit, pushed at once.
    async (host, args) => ({
      complaint: await host.session.write(
        (store) => resolveEditConflict(store, args),
        ['complaint', 'complaint_event']
      )
    })
  ),
  'complaint:timeline': request(
    z.object({ complaintId: z.uuid() }),
    'typed',
    (host, { complaintId }) => ({
      entries: complaintTimeline(host.session.store.db, complaintId)
    })
  ),
  'complaint:note': request(
    z.object({ complaintId: z.uuid(), note: z.string().trim().min(1).max(2000) }),
    'typed',
    async (host, args) => ({
      entries: await host.session.write(
        (store) => addComplaintNote(store, args),
        ['complaint_event']
      )
    })
  ),
  'complaint:discard': request(
    z.object({ id: z.uuid() }),
    'typed',
    // Once the agent has read why the server rejected it.
    async (host, { id }) => {
      const session = host.session
      const discarded = await discardRejectedComplaint(session.store, id)
      if (discarded) session.discarded(['complaint'])
      return { discarded }
    }
  )
} satisfies RequestSlice
