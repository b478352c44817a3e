/**
 * The server's half of the practice mark (src/shared/practice/practice-mark.ts): a practice
 * record naming a real customer, or a production one naming a persona, is refused with the
 * reason, whatever the desk sent.
 */
import { practiceMarkProblem } from '@shared/practice/practice-mark'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

export function practiceMarkRefusal(record: {
  practice: boolean
  customerId: string | null
  personaId?: string | null
}): MutationOutcome | null {
  const problem = practiceMarkProblem({ ...record, personaId: record.personaId ?? null })
  if (problem === null) return null
  return rejected('invalid_argument', problem, {
    customerId: record.customerId,
    personaId: record.personaId ?? null
  })
}
