/**
 * The automatic score of a finished practice call, step by step, from what the call left: the
 * script run record, the complaints filed, the compensation granted and the disposition.
 *
 * Weights (points per item; the percent is points earned over points possible):
 * - each mandatory step reached and, where the script makes it mandatory, confirmed: 3
 * - each decision on the expected path (a branch, or a choice with its own targets) that led
 *   where the scenario expects: 2. A decision the trainee never reached (they left the path
 *   earlier) fails too: the report says `actual: null` so the first wrong turn stands out;
 * - the expected offer made (that product, when the scenario names one) with the expected
 *   outcome recorded: 3
 * - a complaint with the expected category: 2; the same complaint with the expected quality
 *   dimension: 1 (category first: it routes the complaint; the dimension feeds the analysis);
 * - a compensation granted within authority (at most the scenario's ceiling, in its currency, of
 *   its type when named, and the app's authority check passed): 3
 * - the expected disposition: 2
 * - time on a step against its target: 0. Reported, never scored: the customer's audio, pauses
 *   and a careful trainee's reading speed make time a coaching note, not a pass mark.
 * Items of a kind the scenario lists as critical fail the practice whatever the percent.
 */
import type { QualityDimension } from '../domain/quality-dimensions'
import type { ScriptRunRecordInput } from '../domain/script-run'
import type { CompensationType } from '../domain/compensation'
import { findNode, type Script } from '../scripts/schema'
import { decisionsOf, mainFlowNodes } from './scenario-graph'
import type { CriticalItem, Scenario } from './scenario-schema'

export const scoreWeights = {
  mandatory_step: 3,
  branch: 2,
  offer: 3,
  complaint_category: 2,
  complaint_dimension: 1,
  compensation: 3,
  disposition: 2,
  time: 0
} as const
export type ScoreItemKind = keyof typeof scoreWeights

const criticalKind: Record<ScoreItemKind, CriticalItem | null> = {
  mandatory_step: 'mandatory_steps',
  branch: 'branches',
  offer: 'offer',
  complaint_category: 'complaint',
  complaint_dimension: 'complaint',
  compensation: 'compensation',
  disposition: 'disposition',
  time: null
}

/** What a finished practice call left behind. */
export interface PracticeFacts {
  run: Pick<ScriptRunRecordInput, 'steps' | 'confirmations'>
  /** Categories are configured codes; a scenario expects one of the built-in ones. */
  complaints: readonly { category: string; dimension: QualityDimension | null }[]
  compensation: {
    amount: number
    currency: string
    type?: CompensationType
    /** The app's authority decision for the grant (domain/compensation.ts). */
    withinAuthority: boolean
  } | null
  disposition: string | null
}

export type ScoreValue = string | number | null

export interface ScoreItem {
  kind: ScoreItemKind
  /** The step the item is about (mandatory steps, decisions, the offer, time), else null. */
  nodeId: string | null
  passed: boolean
  points: number
  weight: number
  critical: boolean
  expected: ScoreValue
  /**
   * What happened: a mandatory step is `confirmed`, `reached`, `not_confirmed` or `not_reached`;
   * a decision names the node taken (null: never reached); time is seconds (null: never reached).
   */
  actual: ScoreValue
}

export interface PracticeReport {
  /** In the order of the expected path, then complaint, compensation and disposition. */
  items: ScoreItem[]
  points: number
  possible: number
  /** 0–100, one decimal. */
  percent: number
  threshold: number
  passed: boolean
  /** Critical items that failed (each also in `items`). */
  criticalFailures: ScoreItem[]
}

type Draft = Omit<ScoreItem, 'points' | 'weight' | 'critical'>

function mandatoryStep(script: Script, facts: PracticeFacts, nodeId: string): Draft {
  const reached = facts.run.steps.some((s) => s.nodeId === nodeId)
  const node = findNode(script, nodeId)
  const needsConfirmation = node?.kind === 'say' && node.mandatory === true
  const confirmed = facts.run.confirmations.some((c) => c.nodeId === nodeId)
  const actual = !reached
    ? 'not_reached'
    : !needsConfirmation
      ? 'reached'
      : confirmed
        ? 'confirmed'
        : 'not_confirmed'
  return {
    kind: 'mandatory_step',
    nodeId,
    passed: actual === 'reached' || actual === 'confirmed',
    expected: needsConfirmation ? 'confirmed' : 'reached',
    actual
  }
}

/** The node the taken main flow went to after the `nth` visit (0-based) of `nodeId`. */
function takenAfter(taken: readonly string[], nodeId: string, nth: number): string | null {
  let seen = 0
  for (let i = 0; i < taken.length; i++) {
    if (taken[i] !== nodeId) continue
    if (seen === nth) return taken[i + 1] ?? null
    seen++
  }
  return null
}

function offerItem(scenario: Scenario, facts: PracticeFacts): Draft | null {
  const offer = scenario.expectations.offer
  if (!offer) return null
  const step = facts.run.steps.find((s) => s.nodeId === offer.node && s.offered !== undefined)
  const rightProduct = offer.product === undefined || step?.offered === offer.product
  const answer = typeof step?.answer === 'string' ? step.answer : null
  return {
    kind: 'offer',
    nodeId: offer.node,
    passed: step !== undefined && rightProduct && answer === offer.outcome,
    expected: offer.product === undefined ? offer.outcome : `${offer.product}:${offer.outcome}`,
    actual: step ? `${step.offered ?? ''}:${answer ?? 'no_answer'}` : null
  }
}

function pathItems(scenario: Scenario, script: Script, facts: PracticeFacts): Draft[] {
  const main = mainFlowNodes(script)
  // Jump flows (objections, FAQ) are side trips: decisions are judged on the main flow only.
  // Coming back from a jump resumes the step it left, which the record lists again: one visit.
  const taken = facts.run.steps
    .map((s) => s.nodeId)
    .filter((id) => main.has(id))
    .filter((id, i, all) => i === 0 || all[i - 1] !== id)
  const decisions = new Map(decisionsOf(script, scenario.expectedPath).map((d) => [d.index, d]))
  const mandatory = new Set(scenario.mandatorySteps)
  const timed = new Map(Object.entries(scenario.timeTargets))
  const offer = offerItem(scenario, facts)
  const done = new Set<string>()
  const items: Draft[] = []
  scenario.expectedPath.forEach((nodeId, index) => {
    const decision = decisions.get(index)
    if (decision) {
      const nth = scenario.expectedPath.slice(0, index).filter((id) => id === nodeId).length
      const actual = takenAfter(taken, nodeId, nth)
      items.push({
        kind: 'branch',
        nodeId,
        passed: actual === decision.expectedNext,
        expected: decision.expectedNext,
        actual
      })
    }
    if (done.has(nodeId)) return
    done.add(nodeId)
    if (mandatory.has(nodeId)) items.push(mandatoryStep(script, facts, nodeId))
    if (offer?.nodeId === nodeId) items.push(offer)
    const target = timed.get(nodeId)
    if (target !== undefined) {
      const visits = facts.run.steps.filter((s) => s.nodeId === nodeId)
      const seconds = visits.reduce((sum, s) => sum + s.seconds, 0)
      items.push({
        kind: 'time',
        nodeId,
        passed: visits.length > 0 && seconds <= target,
        expected: target,
        actual: visits.length > 0 ? Math.round(seconds * 10) / 10 : null
      })
    }
  })
  return items
}

function outcomeItems(scenario: Scenario, facts: PracticeFacts): Draft[] {
  const { complaint, compensation, disposition } = scenario.expectations
  const items: Draft[] = []
  if (complaint) {
    const sameCategory = facts.complaints.filter((c) => c.category === complaint.category)
    items.push({
      kind: 'complaint_category',
      nodeId: null,
      passed: sameCategory.length > 0,
      expected: complaint.category,
      actual: facts.complaints[0]?.category ?? null
    })
    items.push({
      kind: 'complaint_dimension',
      nodeId: null,
      passed: sameCategory.some((c) => c.dimension === complaint.dimension),
      expected: complaint.dimension,
      actual: (sameCategory[0] ?? facts.complaints[0])?.dimension ?? null
    })
  }
  if (compensation) {
    const granted = facts.compensation
    const passed =
      granted !== null &&
      granted.withinAuthority &&
      granted.currency === compensation.currency &&
      Math.round(granted.amount * 100) <= Math.round(compensation.maxAmount * 100) &&
      (compensation.type === undefined || granted.type === compensation.type)
    items.push({
      kind: 'compensation',
      nodeId: null,
      passed,
      expected: compensation.maxAmount,
      actual: granted?.amount ?? null
    })
  }
  items.push({
    kind: 'disposition',
    nodeId: null,
    passed: facts.disposition === disposition,
    expected: disposition,
    actual: facts.disposition
  })
  return items
}

/** Scores a finished practice call against its scenario (and the scenario's script version). */
export function scorePractice(
  scenario: Scenario,
  facts: PracticeFacts,
  script: Script
): PracticeReport {
  const critical = new Set(scenario.critical)
  const items: ScoreItem[] = [
    ...pathItems(scenario, script, facts),
    ...outcomeItems(scenario, facts)
  ].map((draft) => {
    const weight = scoreWeights[draft.kind]
    const kind = criticalKind[draft.kind]
    return {
      ...draft,
      weight,
      points: draft.passed ? weight : 0,
      critical: kind !== null && critical.has(kind)
    }
  })
  const points = items.reduce((sum, i) => sum + i.points, 0)
  const possible = items.reduce((sum, i) => sum + i.weight, 0)
  const percent = possible === 0 ? 100 : Math.round((points / possible) * 1000) / 10
  const criticalFailures = items.filter((i) => i.critical && !i.passed)
  return {
    items,
    points,
    possible,
    percent,
    threshold: scenario.passThreshold,
    passed: percent >= scenario.passThreshold && criticalFailures.length === 0,
    criticalFailures
  }
}
