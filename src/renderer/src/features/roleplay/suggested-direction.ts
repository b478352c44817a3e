/**
 * Which side should dial a scenario's role-play: its script's selection rules say whether the
 * script leads inbound or outbound calls. A script every rule names only for outbound calls (the
 * agent calls the customer) is played with the trainee dialling; anything else, with the trainer
 * calling in as the customer.
 */
import type { RoleplayDirection } from '@shared/practice/roleplay'
import type { SelectionRule } from '@shared/scripts/select-script'

export function suggestedDirection(
  scriptId: string,
  rules: readonly SelectionRule[]
): RoleplayDirection {
  const naming = rules.filter((r) => r.script === scriptId)
  const outbound = naming.length > 0 && naming.every((r) => r.when.direction === 'outbound')
  return outbound ? 'trainee_calls' : 'trainer_calls'
}
