/**
 * The practice progress on the server (`/api/training`), read from the page (page-request.ts: the
 * session's token, renewed once on a 401). Online only: progress is the server's count of scored sessions, and a
 * cohort is a trainer's grouping there, not a record a desk could queue.
 *
 * Every answer goes through the shared schemas, so a server of another version reads as a
 * failure here rather than as half-drawn tables.
 */
import { z } from 'zod'

import {
  cohortListSchema,
  cohortProgressSchema,
  cohortSchema,
  practiceSessionDetailSchema,
  TRAINING_PATH,
  traineeListSchema,
  traineeProgressSchema,
  type Cohort,
  type CohortBody,
  type CohortProgress,
  type PracticeSessionDetail,
  type Trainee,
  type TraineeProgress
} from '@shared/practice/progress-api'
import {
  roleplayFeedbackSchema,
  roleplayInvitationsSchema,
  roleplayIssuedSchema,
  roleplayLiveSchema,
  type RoleplayFeedback,
  type RoleplayInvitation,
  type RoleplayFeedbackBody,
  type RoleplayIssueBody,
  type RoleplayIssued,
  type RoleplayLive
} from '@shared/practice/roleplay'
import {
  pageRequest,
  pageTransport,
  refusalMessage,
  type HttpMethod,
  type PageTransport
} from '@renderer/data/page-request'

/**
 * `forbidden`: the caller may not read it (403, or the 404 the server gives for a cohort, a
 * trainee or a session outside the caller's reach: to the reader both mean "not yours").
 */
export type TrainingOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; reason: 'offline' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'failed'; message: string }

/** The trainee would dial a trainer who has no extension to be called at. */
export type RoleplayIssueOutcome =
  TrainingOutcome<RoleplayIssued> | { ok: false; reason: 'no_own_extension' }

const noOwnExtensionSchema = z.object({
  error: z.object({ details: z.object({ reason: z.literal('no_own_extension') }) })
})

/** Members as functions, not methods: a panel passes `api.session` on as a reader. */
export interface TrainingApi {
  listCohorts: () => Promise<TrainingOutcome<Cohort[]>>
  /** Who may join a cohort (agents). */
  listTrainees: () => Promise<TrainingOutcome<Trainee[]>>
  /** A new cohort with `id` null, else that one replaced; answers the cohort when it says. */
  saveCohort: (id: string | null, body: CohortBody) => Promise<TrainingOutcome<Cohort | null>>
  deleteCohort: (id: string) => Promise<TrainingOutcome<null>>
  cohortProgress: (cohortId: string) => Promise<TrainingOutcome<CohortProgress>>
  traineeProgress: (traineeId: string) => Promise<TrainingOutcome<TraineeProgress>>
  myProgress: () => Promise<TrainingOutcome<TraineeProgress>>
  session: (sessionId: string) => Promise<TrainingOutcome<PracticeSessionDetail>>
  /**
   * A role-play session with `traineeId` as a scenario's customer: the token to dial with, or,
   * when the trainee dials, an invitation their desk is given.
   */
  startRoleplay: (body: RoleplayIssueBody) => Promise<RoleplayIssueOutcome>
  /** An invitation the trainee has not taken yet, withdrawn (their desk stops offering it). */
  withdrawRoleplay: (roleplayId: string) => Promise<TrainingOutcome<null>>
  /** The trainee's open invitations to call their trainer, each with its token. */
  roleplayInvitations: () => Promise<TrainingOutcome<RoleplayInvitation[]>>
  /** The trainee's live step during a role-play (the trainer's console polls it). */
  roleplayLive: (roleplayId: string) => Promise<TrainingOutcome<RoleplayLive>>
  /** The trainer's notes and comment, sent to the trainee (sent again, they replace the last). */
  sendRoleplayFeedback: (
    roleplayId: string,
    body: RoleplayFeedbackBody
  ) => Promise<TrainingOutcome<RoleplayFeedback>>
}

const UNEXPECTED = 'unexpected answer'

const cohortAnswerSchema = z.union([cohortSchema, z.object({ cohort: cohortSchema })])

async function failure(response: Response): Promise<TrainingOutcome<never>> {
  if (response.status === 403 || response.status === 404) return { ok: false, reason: 'forbidden' }
  const body: unknown = await response.json().catch(() => null)
  return { ok: false, reason: 'failed', message: refusalMessage(response.status, body) }
}

export function createTrainingApi(transport: PageTransport): TrainingApi {
  const call = pageRequest(transport, TRAINING_PATH)

  /** A read: the answer parsed with `schema`, then the part the caller wants. */
  const read = async <S extends z.ZodType, T>(
    path: string,
    schema: S,
    pick: (parsed: z.infer<S>) => T
  ): Promise<TrainingOutcome<T>> => {
    const response = await call(path, 'GET')
    if (response === null) return { ok: false, reason: 'offline' }
    if (!response.ok) return failure(response)
    const parsed = schema.safeParse(await response.json().catch(() => null))
    return parsed.success
      ? { ok: true, data: pick(parsed.data) }
      : { ok: false, reason: 'failed', message: UNEXPECTED }
  }
  /** A change: sent with `body`, the answer parsed with `schema`. */
  const write = async <T>(
    path: string,
    method: HttpMethod,
    body: unknown,
    schema: z.ZodType<T>
  ): Promise<TrainingOutcome<T>> => {
    const response = await call(path, method, body)
    if (response === null) return { ok: false, reason: 'offline' }
    if (!response.ok) return failure(response)
    const parsed = schema.safeParse(await response.json().catch(() => null))
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, reason: 'failed', message: UNEXPECTED }
  }
  const same = <T>(value: T): T => value
  const id = (value: string) => `/${encodeURIComponent(value)}`

  return {
    listCohorts: () => read('/cohorts', cohortListSchema, (d) => d.cohorts),
    listTrainees: () => read('/trainees', traineeListSchema, (d) => d.trainees),
    async saveCohort(cohortId, body) {
      const response =
        cohortId === null
          ? await call('/cohorts', 'POST', body)
          : await call(`/cohorts${id(cohortId)}`, 'PUT', body)
      if (response === null) return { ok: false, reason: 'offline' }
      if (!response.ok) return failure(response)
      // The change is made; a body we cannot read only means the list is read again.
      const parsed = cohortAnswerSchema.safeParse(await response.json().catch(() => null))
      if (!parsed.success) return { ok: true, data: null }
      return { ok: true, data: 'cohort' in parsed.data ? parsed.data.cohort : parsed.data }
    },
    async deleteCohort(cohortId) {
      const response = await call(`/cohorts${id(cohortId)}`, 'DELETE')
      if (response === null) return { ok: false, reason: 'offline' }
      return response.ok ? { ok: true, data: null } : failure(response)
    },
    cohortProgress: (cohortId) =>
      read(`/cohorts${id(cohortId)}/progress`, cohortProgressSchema, same),
    traineeProgress: (traineeId) =>
      read(`/trainees${id(traineeId)}/progress`, traineeProgressSchema, same),
    myProgress: () => read('/me/progress', traineeProgressSchema, same),
    session: (sessionId) => read(`/sessions${id(sessionId)}`, practiceSessionDetailSchema, same),
    async startRoleplay(body) {
      const response = await call('/roleplays', 'POST', body)
      if (response === null) return { ok: false, reason: 'offline' }
      if (response.status === 409) {
        const answer: unknown = await response
          .clone()
          .json()
          .catch(() => null)
        if (noOwnExtensionSchema.safeParse(answer).success) {
          return { ok: false, reason: 'no_own_extension' }
        }
      }
      if (!response.ok) return failure(response)
      const parsed = roleplayIssuedSchema.safeParse(await response.json().catch(() => null))
      return parsed.success
        ? { ok: true, data: parsed.data }
        : { ok: false, reason: 'failed', message: UNEXPECTED }
    },
    async withdrawRoleplay(roleplayId) {
      const response = await call(`/roleplays${id(roleplayId)}`, 'DELETE')
      if (response === null) return { ok: false, reason: 'offline' }
      return response.ok ? { ok: true, data: null } : failure(response)
    },
    roleplayInvitations: () =>
      read('/roleplays/invitations', roleplayInvitationsSchema, (d) => d.invitations),
    roleplayLive: (roleplayId) =>
      read(`/roleplays${id(roleplayId)}/live`, roleplayLiveSchema, same),
    sendRoleplayFeedback: (roleplayId, body) =>
      write(`/roleplays${id(roleplayId)}/feedback`, 'PUT', body, roleplayFeedbackSchema)
  }
}

export const trainingApi: TrainingApi = createTrainingApi(pageTransport)
