/**
 * The practice mark: what every record written during a practice call carries, end to end, so
 * practice never mixes with production. A practice record names the scenario's persona and no
 * customer; a production record names a customer (or nobody) and never a persona. The desk
 * checks it before journaling and the server refuses a record that breaks it.
 */
import { z } from 'zod'

import { PERSONA_ID_PATTERN } from './persona-rules'

// A regex rather than a refinement, so the JSON schema (and the fuzzers reading it) carry it.
export const personaIdSchema = z
  .string()
  .regex(PERSONA_ID_PATTERN, 'not a persona id (persona- and kebab-case)')

/** The two fields a markable record adds; both default, so older outboxes still validate. */
export const practiceMarkShape = {
  practice: z.boolean().default(false),
  /** The scenario persona a practice record is about; null on production records. */
  personaId: personaIdSchema.nullable().default(null)
}

export interface PracticeMarked {
  practice: boolean
  personaId: string | null
  customerId: string | null
}

/** Why the record's mark is inconsistent, or null when it is fine. */
export function practiceMarkProblem(record: PracticeMarked): string | null {
  if (record.practice && record.customerId !== null) {
    return 'A practice record names its persona, never a real customer'
  }
  if (!record.practice && record.personaId !== null) {
    return 'A production record cannot name a practice persona'
  }
  return null
}
