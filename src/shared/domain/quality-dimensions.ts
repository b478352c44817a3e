/**
 * The quality dimension a complaint says the company fell short on (SERVQUAL's five plus the
 * ones contact centers add), so the analysis shows which few causes produce most complaints.
 */
export const qualityDimensions = [
  'reliability',
  'responsiveness',
  'assurance',
  'empathy',
  'tangibles',
  'accessibility',
  'courtesy',
  'credibility',
  'knowledge',
  'professionalism'
] as const
export type QualityDimension = (typeof qualityDimensions)[number]
