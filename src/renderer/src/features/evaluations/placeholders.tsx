/** Placeholders of the evaluations feature's entry points (replaced as it is built). */
import type { FloorEntry } from '@shared/presence/presence'

/** Quality workspace: the evaluations a lead, trainer or admin may see, and scoring a call. */
export function EvaluationsPanel() {
  return null
}

/** The agent's own evaluations: read, acknowledge, dispute. */
export function MyEvaluationsPanel() {
  return null
}

/** The floor's detail: score the call the lead is watching (live). */
export function EvaluateCallButton(_props: {
  entry: FloorEntry | null
  agent: { id: string; name: string }
}) {
  return null
}
