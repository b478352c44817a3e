/** The compensation requests: granting (or requesting), a lead's decision, the lists. */
import { z } from 'zod'

import { currencySchema } from '@shared/domain/compensation'
import {
  compensationAmountSchema,
  compensationDecisions,
  compensationStatuses
} from '@shared/domain/compensation-record'
import { compensationTypes } from '@shared/domain/configuration'
import { valueTiers } from '@shared/domain/customer'

import { listLimit, request, type RequestSlice } from '../request-table'
import { decideCompensation, grantCompensation } from './commands'
import { listCompensations } from './rows'

export const compensationRequests = {
  'compensation:grant': request(
    z.object({
      complaintId: z.uuid(),
      type: z.enum(compensationTypes),
      amount: compensationAmountSchema,
      currency: currencySchema,
      reason: z.string().trim().min(1).max(2000),
      practiceTier: z.enum(valueTiers).nullable().optional()
    }),
    'typed',
    async (host, args) => {
      const session = host.session
      return {
        compensation: await session.write(
          (store) => grantCompensation(store, args, session.actor),
          ['compensation', 'complaint_event']
        )
      }
    }
  ),
  'compensation:decide': request(
    z
      .object({
        compensationId: z.uuid(),
        decision: z.enum(compensationDecisions),
        reason: z.string().trim().max(2000)
      })
      .refine((a) => a.decision === 'approve' || a.reason.length > 0, {
        message: 'a rejection needs a reason',
        path: ['reason']
      }),
    'typed',
    async (host, args) => ({
      compensation: await host.session.write(
        (store) => decideCompensation(store, args),
        ['compensation', 'complaint_event']
      )
    })
  ),
  'compensation:list': request(
    z.object({
      complaintId: z.uuid().nullable(),
      status: z.enum(compensationStatuses).nullable(),
      limit: listLimit
    }),
    'typed',
    (host, query) => ({
      compensations: listCompensations(host.session.store.db, query)
    })
  )
} satisfies RequestSlice
