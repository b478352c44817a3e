/** An evaluator's answer to one question of a form. */
import { z } from 'zod'

import { multilineText } from '../text/text-schemas'
import { answerValueSchema } from './form-schema'

export const MAX_ANSWER_COMMENT = 1000
export const MAX_ANSWERS = 400

export const evaluationAnswerSchema = z.strictObject({
  questionId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  /** 'yes'/'no', a scale's number, an option id, or the text; null while unanswered or n/a. */
  value: answerValueSchema.nullable(),
  na: z.boolean(),
  comment: multilineText().trim().max(MAX_ANSWER_COMMENT),
  /** Filled from the call's script run and not changed by the evaluator since. */
  autofilled: z.boolean().optional()
})
export type EvaluationAnswer = z.infer<typeof evaluationAnswerSchema>

export const evaluationAnswersSchema = z
  .array(evaluationAnswerSchema)
  .max(MAX_ANSWERS)
  .refine(
    (answers) => new Set(answers.map((a) => a.questionId)).size === answers.length,
    'a question is answered once'
  )
