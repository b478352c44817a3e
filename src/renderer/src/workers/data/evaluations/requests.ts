/**
 * The evaluation requests: the published forms; the steps (journaled, durable before they
 * answer, synced later); the lists, read from the local store offline; and the call's record
 * and the figures, read from the server.
 */
import { z } from 'zod'

import { callContextQuerySchema, figuresQuerySchema } from '@shared/evaluations/evaluation-api'
import {
  evaluationDisputeArgsSchema,
  evaluationResolveArgsSchema,
  evaluationSaveInputSchema,
  evaluationStates
} from '@shared/evaluations/evaluation'
import { formKinds } from '@shared/evaluations/form-schema'

import { listLimit, noArgs, request, type RequestSlice } from '../request-table'
import {
  acknowledgeEvaluation,
  disputeEvaluation,
  releaseEvaluation,
  resolveEvaluation,
  saveEvaluation
} from './commands'
import { allPublishedForms, latestPublishedForms, publishedForm } from './forms'
import { awaitingCount, getEvaluation, listEvaluations, meOf } from './queries'
import { fetchCallContext, fetchFigures } from './server-reads'

const byId = z.object({ id: z.uuid() })

const { id, decision, reason, answers } = evaluationResolveArgsSchema.shape
const resolveInputSchema = z
  .strictObject({ id, decision, reason, answers })
  .refine(
    (r) => (r.decision === 'rescored') === (r.answers !== null),
    'a re-score carries the new answers; keeping the score carries none'
  )

const listQuerySchema = z.object({
  agentId: z.uuid().nullable(),
  callId: z.string().min(1).max(256).nullable(),
  evaluatedByMe: z.boolean(),
  states: z.array(z.enum(evaluationStates)).min(1).max(evaluationStates.length).nullable(),
  includeCalibration: z.boolean(),
  kind: z.enum(formKinds).nullable(),
  limit: listLimit
})

export const evaluationRequests = {
  'evaluation:forms': request(
    z.object({ latestOnly: z.boolean() }),
    'typed',
    (host, { latestOnly }) => {
      const db = host.session.store.db
      return { forms: latestOnly ? latestPublishedForms(db) : allPublishedForms(db) }
    }
  ),
  'evaluation:form': request(
    z.object({
      formId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
      version: z.int().min(1)
    }),
    'typed',
    (host, { formId, version }) => ({
      form: publishedForm(host.session.store.db, formId, version)
    })
  ),
  'evaluation:save': request(evaluationSaveInputSchema, 'typed', async (host, input) => {
    const session = host.session
    return {
      evaluation: await session.write(
        (store) => saveEvaluation(store, input, session.actor),
        ['evaluation']
      )
    }
  }),
  'evaluation:release': request(byId, 'typed', async (host, { id }) => {
    const session = host.session
    return {
      evaluation: await session.write(
        (store) => releaseEvaluation(store, id, session.actor),
        ['evaluation']
      )
    }
  }),
  'evaluation:acknowledge': request(byId, 'typed', async (host, { id }) => {
    const session = host.session
    return {
      evaluation: await session.write(
        (store) => acknowledgeEvaluation(store, id, session.actor),
        ['evaluation']
      )
    }
  }),
  'evaluation:dispute': request(
    evaluationDisputeArgsSchema.omit({ at: true }),
    'typed',
    async (host, input) => {
      const session = host.session
      return {
        evaluation: await session.write(
          (store) => disputeEvaluation(store, input, session.actor),
          ['evaluation']
        )
      }
    }
  ),
  'evaluation:resolve': request(resolveInputSchema, 'typed', async (host, input) => {
    const session = host.session
    return {
      evaluation: await session.write(
        (store) => resolveEvaluation(store, input, session.actor),
        ['evaluation']
      )
    }
  }),
  'evaluation:list': request(listQuerySchema, 'typed', (host, query) => {
    const session = host.session
    const db = session.store.db
    return { evaluations: listEvaluations(db, query, meOf(db, session.userId)) }
  }),
  'evaluation:get': request(byId, 'typed', (host, { id }) => {
    const session = host.session
    const db = session.store.db
    return { evaluation: getEvaluation(db, id, meOf(db, session.userId)) }
  }),
  'evaluation:awaiting': request(noArgs, 'typed', (host) => {
    const session = host.session
    return { count: awaitingCount(session.store.db, session.userId) }
  }),
  'evaluation:callContext': request(callContextQuerySchema, 'typed', async (host, query) => ({
    context: await fetchCallContext(host.session.server, query)
  })),
  'evaluation:figures': request(figuresQuerySchema, 'typed', async (host, query) => ({
    figures: await fetchFigures(host.session.server, query)
  }))
} satisfies RequestSlice
