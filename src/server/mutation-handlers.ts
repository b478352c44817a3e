/**
 * The server's mutation dispatch, one slice per capability (each in `<capability>/mutations.ts`).
 * A capability whose slice is missing here leaves its mutation names without a handler, which
 * fails the typecheck; sync/apply-mutation.ts dispatches through this table.
 */
import { agentStateMutations } from './agent-state/mutations'
import { callbackMutations } from './callbacks/mutations'
import { compensationMutations } from './compensation/mutations'
import { complaintMutations } from './complaints/mutations'
import { customerMutations } from './customers/mutations'
import { dispositionMutations } from './dispositions/mutations'
import { evaluationMutations } from './evaluations/mutations'
import { interactionMutations } from './interactions/mutations'
import { practiceMutations } from './practice/mutations'
import { scriptMutations } from './scripts/mutations'
import type { MutationHandlers } from './sync/mutation-slice'
import { whisperMutations } from './whispers/mutations'

export const mutationHandlers: MutationHandlers = {
  ...complaintMutations,
  ...compensationMutations,
  ...customerMutations,
  ...interactionMutations,
  ...agentStateMutations,
  ...scriptMutations,
  ...dispositionMutations,
  ...callbackMutations,
  ...whisperMutations,
  ...evaluationMutations,
  ...practiceMutations
}
