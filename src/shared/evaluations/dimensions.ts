/**
 * The service-quality checklist an evaluation form scores, one dimension per section of the
 * seeded form, plus adherence to the call's script. Kept apart from the complaint's quality
 * dimension (SERVQUAL's list): a complaint names where the company fell short, an evaluation how
 * one agent handled one call, and the two lists differ (satisfaction, loyalty and security are
 * judged on a call; tangibles are not).
 */
export const evaluationDimensions = [
  'accessibility',
  'courtesy',
  'credibility',
  'reliability',
  'responsiveness',
  'satisfaction',
  'knowledge',
  'loyalty',
  'empathy',
  'security',
  'professionalism',
  'script_adherence'
] as const
export type EvaluationDimension = (typeof evaluationDimensions)[number]
