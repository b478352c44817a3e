/**
 * What keeps a persona apart from real customers: its id says it is a persona, and its phone is
 * in a range reserved for fiction, so a practice ring can never pop (or dial) a real line and a
 * server can tell a persona from a customer by its id alone.
 *
 * The reserved ranges are the two that regulators set aside for drama and examples:
 * - Ofcom's UK drama mobile range, +44 7700 900000 to 900999;
 * - the North American 555-0100 to 555-0199 block, +1 NPA 555 01xx (any area code).
 * Spain publishes no such range, so a Spanish-looking number could always belong to someone.
 */

export const PERSONA_ID_PREFIX = 'persona-'

export const PERSONA_ID_PATTERN = /^persona-[a-z0-9][a-z0-9-]{0,54}$/
const fictionalRanges = [/^\+447700900\d{3}$/, /^\+1[2-9]\d{2}55501\d{2}$/] as const

export function isPersonaId(id: string): boolean {
  return PERSONA_ID_PATTERN.test(id)
}

/** Whether `e164` lies in a range reserved for fiction (see the module comment). */
export function isFictionalPhone(e164: string): boolean {
  return fictionalRanges.some((r) => r.test(e164))
}

export const FICTIONAL_PHONE_HINT =
  'use a number reserved for fiction: +447700900000 to +447700900999, or +1 NPA 555 0100 to 0199'
