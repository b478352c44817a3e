/**
 * How a complaint's fields sit in its local row: severity as a column, the rest of the form in
 * the `details` JSON, and a folded text (case number and description) that search matches.
 */
import { complaintDetailsSchema, type ComplaintDetails } from '@shared/domain/complaint'
import { foldForSearch } from '@shared/domain/text'
import { isPersonaId } from '@shared/practice/persona-rules'

const noDetails = complaintDetailsSchema.parse({})

/** The form's fields kept in the `details` column; a row it cannot read shows none. */
export function toDetails(severity: string, json: string): ComplaintDetails {
  let stored: unknown
  try {
    stored = JSON.parse(json)
  } catch {
    stored = {}
  }
  const parsed = complaintDetailsSchema.safeParse({
    ...(typeof stored === 'object' ? stored : {}),
    severity
  })
  return parsed.success ? parsed.data : noDetails
}

/**
 * The practice mark, kept in the same JSON (a practice complaint names its persona there); a row
 * written before the mark, or one it cannot read, is production.
 */
export function toPracticeMark(json: string): { practice: boolean; personaId: string | null } {
  let stored: unknown
  try {
    stored = JSON.parse(json)
  } catch {
    return { practice: false, personaId: null }
  }
  const personaId =
    typeof stored === 'object' && stored !== null && 'personaId' in stored ? stored.personaId : null
  if (typeof personaId !== 'string' || !isPersonaId(personaId)) {
    return { practice: false, personaId: null }
  }
  return { practice: true, personaId }
}

/**
 * Every field of the form except severity (a column of its own), and the persona of a practice
 * complaint; read back by {@link toDetails} and {@link toPracticeMark}.
 */
export function detailsJson(c: {
  personaId: string | null
  subcategory: string | null
  qualityDimension: string | null
  expected: string
  received: string
  requestedRemedy: string
  productCode: string | null
  productName: string
  channel: string | null
}): string {
  return JSON.stringify({
    ...(c.personaId === null ? {} : { personaId: c.personaId }),
    subcategory: c.subcategory,
    qualityDimension: c.qualityDimension,
    expected: c.expected,
    received: c.received,
    requestedRemedy: c.requestedRemedy,
    productCode: c.productCode,
    productName: c.productName,
    channel: c.channel
  })
}

/** What the list's search matches besides the customer's name: case number and description. */
export function complaintSearchText(caseNumber: string | null, description: string): string {
  return foldForSearch(`${caseNumber ?? ''} ${description}`)
}
