/**
 * An evaluation form: sections of questions a lead (quality) or a trainer (training) answers
 * about one call. Admins write a form as YAML (like a script); each upload is a new version, and
 * a published version never changes: an evaluation names the version it used and is always read
 * against it.
 *
 * Scoring (see scoring.ts): each question is worth its `weight` in points; a yes/no earns all or
 * nothing, a scale in proportion, a choice its option's share; text questions are never scored.
 * Not applicable and questions hidden by their condition count neither way.
 */
import { z } from 'zod'

import { localizedTextSchema } from '../scripts/localized-text'
import { multilineText } from '../text/text-schemas'
import { evaluationDimensions } from './dimensions'

export const MAX_FORM_SOURCE_BYTES = 128 * 1024
export const MAX_FORM_SECTIONS = 40
export const MAX_SECTION_QUESTIONS = 40
export const MAX_CHOICE_OPTIONS = 10

export const formKinds = ['quality', 'training'] as const
export type FormKind = (typeof formKinds)[number]

export const questionKinds = ['yes_no', 'scale', 'choice', 'text'] as const
export type QuestionKind = (typeof questionKinds)[number]

/** What a failed critical item fails: the whole evaluation, or only its section (scored 0). */
export const criticalScopes = ['evaluation', 'section'] as const
export type CriticalScope = (typeof criticalScopes)[number]

/**
 * When the evaluator must write a comment: never required, always, or when the answer earns less
 * than the question's full points (the agent is owed the reason they lost them).
 */
export const commentRules = ['optional', 'required', 'when_lost'] as const
export type CommentRule = (typeof commentRules)[number]

/**
 * Questions the app answers from the call's script run (the evaluator may change the answer):
 * every mandatory line on the path confirmed; the run reached an end step rather than being
 * abandoned; every offer the script made on the path put to the customer.
 */
export const autofillSources = ['mandatory_steps', 'script_completed', 'offers_made'] as const
export type AutofillSource = (typeof autofillSources)[number]

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use a-z, 0-9, _ and - (max 64)')

/**
 * An answer's value: 'yes'/'no' for yes/no, a number for a scale, an option id, or text. Free
 * text by the text rule (cleaned on parse): a text question's answer is what the evaluator typed.
 */
export const answerValueSchema = z.union([multilineText().max(2000), z.number()])
export type EvaluationAnswerValue = z.infer<typeof answerValueSchema>

export const choiceOptionSchema = z.strictObject({
  id: idSchema,
  label: localizedTextSchema,
  /** The share of the question's points this option earns, 0 to 1. */
  score: z.number().min(0).max(1),
  /** On a critical question: choosing this option fails it. */
  fails: z.boolean().optional()
})
export type ChoiceOption = z.infer<typeof choiceOptionSchema>

export const questionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(questionKinds),
  text: localizedTextSchema,
  /** What the evaluator should look for (shown under the question). */
  help: localizedTextSchema.optional(),
  /** Points the question is worth; text questions are worth 0. */
  weight: z.number().min(0).max(100),
  /** A scale's ends (inclusive, whole numbers); scale questions only. */
  scale: z.strictObject({ min: z.int().min(0).max(1), max: z.int().min(2).max(10) }).optional(),
  /** Choice questions only. */
  options: z.array(choiceOptionSchema).min(2).max(MAX_CHOICE_OPTIONS).optional(),
  /** The evaluator may mark it not applicable (it then counts neither way). */
  allowNa: z.boolean().default(false),
  /** A critical item: a "no" (or an option marked `fails`) fails the evaluation or its section. */
  critical: z.enum(criticalScopes).optional(),
  comment: z.enum(commentRules).default('optional'),
  /**
   * Asked only when an earlier question was answered with one of `in` (its yes/no, option id or
   * scale value). A hidden question counts neither way, like not applicable.
   */
  showIf: z
    .strictObject({
      question: idSchema,
      in: z.array(answerValueSchema).min(1).max(MAX_CHOICE_OPTIONS)
    })
    .optional(),
  autofill: z.enum(autofillSources).optional()
})
export type FormQuestion = z.infer<typeof questionSchema>

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localizedTextSchema,
  /** The checklist dimension the section measures, for the figures per dimension. */
  dimension: z.enum(evaluationDimensions).optional(),
  questions: z.array(questionSchema).min(1).max(MAX_SECTION_QUESTIONS)
})
export type FormSection = z.infer<typeof sectionSchema>

export const formDefinitionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(formKinds),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /**
   * Where the form applies: the teams whose calls it scores and the scripts of those calls; an
   * empty list means every one. The evaluator picks among the forms that apply to the call.
   */
  scope: z
    .strictObject({
      teams: z.array(z.uuid()).max(200).default([]),
      scripts: z.array(idSchema).max(200).default([])
    })
    .default({ teams: [], scripts: [] }),
  /** The percentage at or above which an evaluation passes (when no critical item failed). */
  passMark: z.number().min(0).max(100),
  sections: z.array(sectionSchema).min(1).max(MAX_FORM_SECTIONS)
})
export type FormDefinition = z.infer<typeof formDefinitionSchema>
export type FormDefinitionInput = z.input<typeof formDefinitionSchema>

/** Every question of a form in order, with its section. */
export function questionsOf(
  form: FormDefinition
): { section: FormSection; question: FormQuestion }[] {
  return form.sections.flatMap((section) =>
    section.questions.map((question) => ({ section, question }))
  )
}

/** The values a question's answer may take ('yes'/'no', the scale's numbers, option ids). */
export function allowedValues(question: FormQuestion): EvaluationAnswerValue[] | null {
  switch (question.kind) {
    case 'yes_no':
      return ['yes', 'no']
    case 'scale': {
      const { min, max } = question.scale ?? { min: 1, max: 5 }
      return Array.from({ length: max - min + 1 }, (_, i) => min + i)
    }
    case 'choice':
      return (question.options ?? []).map((o) => o.id)
    case 'text':
      return null
  }
}
