import { sanitizeDisplayText } from '@shared/domain/text'
import type { Evaluation } from '@shared/evaluations/evaluation'

/** An evaluator's name as the calibration tables show it: text, one line. */
export const nameOf = (e: Pick<Evaluation, 'evaluatorName'>): string =>
  sanitizeDisplayText(e.evaluatorName, 60)
