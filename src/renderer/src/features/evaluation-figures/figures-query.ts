/**
 * What the figures panel asks the server for, from the filters and who asks, and the answer as
 * the panel's state (the server down reads as "offline", calmly, never as an error).
 */
import type { DataClient } from '@renderer/data/worker-client'
import type { Role } from '@shared/domain/user'
import type { EvaluationFigures, FiguresQuery } from '@shared/evaluations/evaluation-api'
import type { FormKind } from '@shared/evaluations/form-schema'

export interface FiguresFilterValues {
  from: string
  to: string
  /** '' for every team the person may see. */
  teamId: string
  kind: FormKind
}

export type FiguresLoad =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; figures: EvaluationFigures }

/** The kind a role's figures are of: trainers see training, leads quality, admins choose. */
export function fixedKind(role: Role): FormKind | null {
  if (role === 'trainer') return 'training'
  if (role === 'team_lead') return 'quality'
  return null
}

/** What the server is asked for, from the filters and who asks. */
export function figuresQuery(
  values: FiguresFilterValues,
  role: Role,
  ownTeamId: string | null
): FiguresQuery {
  const kind = fixedKind(role) ?? values.kind
  const teamId = role === 'admin' ? values.teamId : role === 'team_lead' ? ownTeamId : null
  return {
    from: values.from,
    to: values.to,
    kind,
    ...(teamId !== null && teamId !== '' ? { teamId } : {})
  }
}

export async function fetchFigures(
  client: Pick<DataClient, 'send'> | null,
  query: FiguresQuery
): Promise<FiguresLoad> {
  if (!client) return { state: 'offline' }
  const result = await client.send('evaluation:figures', query)
  if (result.ok) return { state: 'ready', figures: result.data.figures }
  if (result.error.code === 'unavailable') return { state: 'offline' }
  return { state: 'failed', message: result.error.message }
}
