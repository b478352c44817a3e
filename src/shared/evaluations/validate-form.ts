/**
 * What the shape alone cannot say about a form: ids unique, each kind's own fields present and
 * no other kind's, critical items and autofill only where they mean something, conditions that
 * point back at an earlier question and at values it can take, points to score, and both
 * languages. Each finding names the question (when one is at fault) and its path in the form.
 */
import type { DetailOf, FindingDetail } from '../yaml/finding-detail'
import type { DocPath } from '../yaml/located-yaml'
import { missingLanguages, type LocalizedText } from '../scripts/localized-text'
import {
  allowedValues,
  type FormDefinition,
  type FormQuestion,
  type EvaluationAnswerValue
} from './form-schema'

export const formIssueCodes = [
  'syntax',
  'schema',
  'duplicate_id',
  'kind_mismatch',
  'bad_critical',
  'bad_autofill',
  'bad_condition',
  'no_points',
  'missing_translation'
] as const
export type FormIssueCode = (typeof formIssueCodes)[number]

/**
 * What each kind of finding names, by code (all but `syntax` and `schema`, whose words come from
 * the parser): the UI's translations cover exactly these, `evaluationForms.issues.findings.<code>.<kind>`.
 */
export const formFindings = {
  duplicate_id: { option: ['id'], section: ['id'], question: ['id'] },
  kind_mismatch: {
    scaleNeedsScale: [],
    onlyScaleHasScale: [],
    choiceNeedsOptions: [],
    onlyChoiceHasOptions: [],
    textHasNoWeight: [],
    textCannotLose: []
  },
  bad_critical: { failingOptions: [], criticalKind: [], needsFailingOption: [] },
  bad_autofill: { onlyYesNo: [] },
  bad_condition: { notEarlier: ['question'], textAnswer: [], notAnAnswer: ['value', 'question'] },
  no_points: { noPoints: [] },
  missing_translation: { missing: ['language'] }
} as const satisfies Record<Exclude<FormIssueCode, 'syntax' | 'schema'>, object>

type DetailedCode = keyof typeof formFindings
export type FormFindingDetail<C extends DetailedCode = DetailedCode> = DetailOf<
  typeof formFindings,
  C
>

export interface FormIssue {
  code: FormIssueCode
  message: string
  questionId: string | null
  path: DocPath
  /** What the message says, for a UI to say it in its language; none for syntax and shape. */
  detail?: FindingDetail
}

export interface LocatedFormIssue extends FormIssue {
  line: number
  column: number
}

const finding = <C extends DetailedCode>(
  code: C,
  detail: FormFindingDetail<C>,
  message: string,
  questionId: string | null,
  path: DocPath
): FormIssue => ({ code, message, questionId, path, detail })

type MismatchKind = FormFindingDetail<'kind_mismatch'>['key']

function kindIssues(q: FormQuestion, path: DocPath): FormIssue[] {
  const out: FormIssue[] = []
  const wrong = (field: string, key: MismatchKind, message: string) =>
    out.push(finding('kind_mismatch', { key, params: {} }, message, q.id, [...path, field]))
  if (q.kind === 'scale' && q.scale === undefined) {
    wrong('scale', 'scaleNeedsScale', 'a scale question needs `scale`')
  }
  if (q.kind !== 'scale' && q.scale !== undefined) {
    wrong('scale', 'onlyScaleHasScale', 'only a scale question has `scale`')
  }
  if (q.kind === 'choice' && q.options === undefined) {
    wrong('options', 'choiceNeedsOptions', 'a choice question needs `options`')
  }
  if (q.kind !== 'choice' && q.options !== undefined) {
    wrong('options', 'onlyChoiceHasOptions', 'only a choice question has `options`')
  }
  if (q.kind === 'text' && q.weight !== 0) {
    wrong('weight', 'textHasNoWeight', 'a text question is not scored: weight 0')
  }
  if (q.kind === 'text' && q.comment === 'when_lost') {
    wrong('comment', 'textCannotLose', 'a text question earns no points, so it cannot lose them')
  }
  const ids = new Set<string>()
  q.options?.forEach((o, i) => {
    if (ids.has(o.id)) {
      out.push(
        finding(
          'duplicate_id',
          { key: 'option', params: { id: o.id } },
          `option "${o.id}" twice`,
          q.id,
          [...path, 'options', i]
        )
      )
    }
    ids.add(o.id)
    if (o.fails === true && q.critical === undefined) {
      out.push(
        finding(
          'bad_critical',
          { key: 'failingOptions', params: {} },
          'only a critical question has failing options',
          q.id,
          [...path, 'options', i, 'fails']
        )
      )
    }
  })
  if (q.critical !== undefined) {
    if (q.kind === 'scale' || q.kind === 'text') {
      out.push(
        finding(
          'bad_critical',
          { key: 'criticalKind', params: {} },
          'only yes/no and choice questions are critical',
          q.id,
          [...path, 'critical']
        )
      )
    }
    if (q.kind === 'choice' && !q.options?.some((o) => o.fails === true)) {
      out.push(
        finding(
          'bad_critical',
          { key: 'needsFailingOption', params: {} },
          'a critical choice needs an option with `fails: true`',
          q.id,
          [...path, 'options']
        )
      )
    }
  }
  if (q.autofill !== undefined && q.kind !== 'yes_no') {
    out.push(
      finding(
        'bad_autofill',
        { key: 'onlyYesNo', params: {} },
        'only yes/no questions are filled from the script run',
        q.id,
        [...path, 'autofill']
      )
    )
  }
  return out
}

function conditionIssues(
  q: FormQuestion,
  path: DocPath,
  earlier: ReadonlyMap<string, FormQuestion>
): FormIssue[] {
  if (q.showIf === undefined) return []
  const at = [...path, 'showIf']
  const target = earlier.get(q.showIf.question)
  if (target === undefined) {
    return [
      finding(
        'bad_condition',
        { key: 'notEarlier', params: { question: q.showIf.question } },
        `"${q.showIf.question}" is not a question before this one`,
        q.id,
        [...at, 'question']
      )
    ]
  }
  const allowed = allowedValues(target)
  if (allowed === null) {
    return [
      finding(
        'bad_condition',
        { key: 'textAnswer', params: {} },
        'a condition cannot test a text answer',
        q.id,
        at
      )
    ]
  }
  const isAllowed = (v: EvaluationAnswerValue) => allowed.includes(v)
  return q.showIf.in.flatMap((v, i) =>
    isAllowed(v)
      ? []
      : [
          finding(
            'bad_condition',
            { key: 'notAnAnswer', params: { value: String(v), question: target.id } },
            `"${String(v)}" is not an answer "${target.id}" can have`,
            q.id,
            [...at, 'in', i]
          )
        ]
  )
}

function translationIssues(text: LocalizedText | undefined, id: string | null, path: DocPath) {
  if (text === undefined) return []
  return missingLanguages(text).map((l) =>
    finding(
      'missing_translation',
      { key: 'missing', params: { language: l } },
      `no "${l}" text`,
      id,
      path
    )
  )
}

/** Every finding; an empty list means the form is good to publish. */
export function validateForm(form: FormDefinition): FormIssue[] {
  const out: FormIssue[] = [
    ...translationIssues(form.title, null, ['title']),
    ...translationIssues(form.description, null, ['description'])
  ]
  const sectionIds = new Set<string>()
  const earlier = new Map<string, FormQuestion>()
  let points = 0
  form.sections.forEach((section, s) => {
    const sPath: DocPath = ['sections', s]
    if (sectionIds.has(section.id)) {
      const detail = { key: 'section', params: { id: section.id } } as const
      out.push(
        finding('duplicate_id', detail, `section "${section.id}" twice`, null, [...sPath, 'id'])
      )
    }
    sectionIds.add(section.id)
    out.push(...translationIssues(section.title, null, [...sPath, 'title']))
    section.questions.forEach((q, i) => {
      const path: DocPath = [...sPath, 'questions', i]
      if (earlier.has(q.id)) {
        const detail = { key: 'question', params: { id: q.id } } as const
        out.push(finding('duplicate_id', detail, `question "${q.id}" twice`, q.id, [...path, 'id']))
      }
      out.push(...kindIssues(q, path), ...conditionIssues(q, path, earlier))
      out.push(...translationIssues(q.text, q.id, [...path, 'text']))
      out.push(...translationIssues(q.help, q.id, [...path, 'help']))
      q.options?.forEach((o, j) =>
        out.push(...translationIssues(o.label, q.id, [...path, 'options', j, 'label']))
      )
      earlier.set(q.id, q)
      points += q.weight
    })
  })
  if (points === 0) {
    const detail = { key: 'noPoints', params: {} } as const
    out.push(finding('no_points', detail, 'no question is worth any points', null, []))
  }
  return out
}
