/**
 * Script adherence from the call's script run: what the evaluator sees beside the form (the path
 * with the time on each step, the mandatory lines and whether each was confirmed, the offers and
 * the customer's answer) and the answers it fills in for the form's `autofill` questions. The
 * server builds the facts from the stored run and the script version it names; the evaluator may
 * change any filled answer.
 */
import { z } from 'zod'

import type { ScriptRunRecordArgs } from '../domain/script-run'
import { pickText } from '../scripts/localized-text'
import { findNode, type Script } from '../scripts/schema'
import type { EvaluationAnswer } from './answers'
import { questionsOf, type FormDefinition } from './form-schema'

export const adherenceStepSchema = z.object({
  nodeId: z.string(),
  /** The node's title (or its id when the version is not known any more). */
  title: z.string(),
  kind: z.string(),
  seconds: z.number(),
  mandatory: z.boolean(),
  /** A mandatory line the agent confirmed reading; false for any other step. */
  confirmed: z.boolean(),
  /** The answer given on an ask or offer step, as text. */
  answer: z.string().nullable(),
  offered: z.string().nullable()
})
export type AdherenceStep = z.infer<typeof adherenceStepSchema>

export const adherenceFactsSchema = z.object({
  runId: z.uuid(),
  scriptId: z.string(),
  scriptVersion: z.number(),
  scriptTitle: z.string(),
  status: z.enum(['closed', 'abandoned']),
  outcome: z.string().nullable(),
  abandonReason: z.string().nullable(),
  seconds: z.number(),
  steps: z.array(adherenceStepSchema),
  /** Mandatory lines on the path that were never confirmed. */
  missedMandatory: z.array(z.string()),
  offers: z.array(
    z.object({
      nodeId: z.string(),
      productCode: z.string(),
      /** What the customer said, or null when the agent never put the offer. */
      answer: z.enum(['accepted', 'declined']).nullable()
    })
  )
})
export type AdherenceFacts = z.infer<typeof adherenceFactsSchema>

const answerText = (v: string | number | boolean | undefined): string | null =>
  v === undefined ? null : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)

/** The facts of one run; `script` is the version the run names (null when it is gone). */
export function adherenceFacts(
  run: Pick<
    ScriptRunRecordArgs,
    'id' | 'scriptId' | 'scriptVersion' | 'status' | 'outcome' | 'abandonReason' | 'steps'
  > & { confirmations: ScriptRunRecordArgs['confirmations'] },
  script: Script | null,
  language: 'es' | 'en'
): AdherenceFacts {
  const confirmed = new Set(run.confirmations.map((c) => c.nodeId))
  const steps: AdherenceStep[] = run.steps.map((step) => {
    const node = script === null ? undefined : findNode(script, step.nodeId)
    const mandatory = node?.kind === 'say' && node.mandatory === true
    const title = node?.title === undefined ? step.nodeId : pickText(node.title, language)
    return {
      nodeId: step.nodeId,
      title,
      kind: node?.kind ?? 'unknown',
      seconds: step.seconds,
      mandatory,
      confirmed: mandatory && confirmed.has(step.nodeId),
      answer: answerText(step.answer),
      offered: step.offered ?? null
    }
  })
  const missed = [...new Set(steps.filter((s) => s.mandatory && !s.confirmed).map((s) => s.nodeId))]
  const offers = run.steps.flatMap((step) =>
    step.offered === undefined
      ? []
      : [
          {
            nodeId: step.nodeId,
            productCode: step.offered,
            answer:
              step.answer === 'accepted' || step.answer === 'declined'
                ? step.answer
                : (null as 'accepted' | 'declined' | null)
          }
        ]
  )
  const title = script === null ? run.scriptId : pickText(script.title, language)
  return {
    runId: run.id,
    scriptId: run.scriptId,
    scriptVersion: run.scriptVersion,
    scriptTitle: title,
    status: run.status,
    outcome: run.outcome,
    abandonReason: run.abandonReason,
    seconds: steps.reduce((n, s) => n + s.seconds, 0),
    steps,
    missedMandatory: missed,
    offers
  }
}

/**
 * The answers the run gives the form's `autofill` questions, each marked `autofilled` with a
 * comment naming what it was read from (the evaluator's own answers are never overwritten: pass
 * only the questions still unanswered). Not applicable when the path had nothing to judge.
 */
export function prefillFromRun(
  form: FormDefinition,
  facts: AdherenceFacts,
  /** The abandon reason (a runner's code) in the evaluator's words, for the answer's comment. */
  abandonText: (reason: string) => string = (reason) => reason
): EvaluationAnswer[] {
  const out: EvaluationAnswer[] = []
  for (const { question } of questionsOf(form)) {
    if (question.autofill === undefined) continue
    const answer = (value: 'yes' | 'no' | null, comment: string): EvaluationAnswer => ({
      questionId: question.id,
      value,
      na: value === null,
      comment,
      autofilled: true
    })
    switch (question.autofill) {
      case 'mandatory_steps': {
        const mandatory = facts.steps.filter((s) => s.mandatory)
        if (mandatory.length === 0 && question.allowNa) out.push(answer(null, ''))
        else if (facts.missedMandatory.length === 0) out.push(answer('yes', ''))
        else out.push(answer('no', facts.missedMandatory.join(', ')))
        break
      }
      case 'script_completed':
        out.push(
          facts.status === 'closed'
            ? answer('yes', facts.outcome ?? '')
            : answer('no', facts.abandonReason === null ? '' : abandonText(facts.abandonReason))
        )
        break
      case 'offers_made': {
        if (facts.offers.length === 0 && question.allowNa) {
          out.push(answer(null, ''))
          break
        }
        const unmade = facts.offers.filter((o) => o.answer === null).map((o) => o.productCode)
        out.push(unmade.length === 0 ? answer('yes', '') : answer('no', unmade.join(', ')))
        break
      }
    }
  }
  return out
}
