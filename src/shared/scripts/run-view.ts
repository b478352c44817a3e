/**
 * What the runner shows: the current step with its text resolved, the question's options, the
 * status of mandatory steps, and whether the run can be closed (and if not, why). Derived from
 * the state on every call, so it never disagrees with it.
 */
import { ratingBounds } from './check-answer'
import type { ScriptEffect } from './effects'
import { offerAnswerLabel, offerAnswers, offeredProduct } from './offer-step'
import { pickText, type LocalizedText } from './localized-text'
import type { RunContext } from './run-context'
import { currentStep, type AnswerValue, type RunState } from './run-state'
import { variableLookup } from './run-values'
import { findNode, type AskNode, type Script, type StepNode } from './schema'
import { partsToText, renderTemplate, type TextPart } from './template'

export interface AskView {
  type: AskNode['answer']['type']
  /** Choice and yes/no: what the keys 1–9 (and 0 for a tenth) pick. */
  options: { index: number; value: string; label: string }[]
  min?: number
  max?: number
  integer?: boolean
  maxLength?: number
  optional: boolean
  answer: AnswerValue | null
}

export interface StepView {
  nodeId: string
  kind: StepNode['kind']
  title: string | null
  /** Plain text with variables filled in: render it as text, never as HTML. */
  text: string
  parts: TextPart[]
  mandatory: boolean
  confirmedAt: string | null
  ask: AskView | null
  /** For an action step: the effect emitted when the agent arrived here. */
  effect: ScriptEffect | null
  /** For an end step: the disposition it sets. */
  outcome: { code: string; label: string } | null
}

export type CloseBlocker =
  | { code: 'run_not_open' }
  | { code: 'not_at_end' }
  | { code: 'mandatory_unconfirmed'; nodeId: string }

export interface MandatoryStatus {
  nodeId: string
  onPath: boolean
  confirmedAt: string | null
}

export interface RunView {
  status: RunState['status']
  step: StepView
  /** Every mandatory step of the script; only those on the path block closing. */
  mandatory: MandatoryStatus[]
  canClose: boolean
  closeBlockers: CloseBlocker[]
  canGoBack: boolean
  /** The jump the agent is in (innermost), or null in the main flow. */
  inJump: string | null
  jumps: { id: string; label: string; active: boolean }[]
}

/** Confirmation time of a mandatory step, or null. */
export function confirmedAt(state: RunState, nodeId: string): string | null {
  return state.confirmations.find((c) => c.nodeId === nodeId)?.at ?? null
}

/** Why the run cannot be closed now; empty when it can. */
export function closeBlockers(script: Script, state: RunState): CloseBlocker[] {
  const blockers: CloseBlocker[] = []
  if (state.status !== 'open') blockers.push({ code: 'run_not_open' })
  if (findNode(script, currentStep(state).nodeId)?.kind !== 'end') {
    blockers.push({ code: 'not_at_end' })
  }
  const seen = new Set<string>()
  for (const step of state.path) {
    const node = findNode(script, step.nodeId)
    if (node?.kind !== 'say' || node.mandatory !== true || seen.has(node.id)) continue
    seen.add(node.id)
    if (confirmedAt(state, node.id) === null) {
      blockers.push({ code: 'mandatory_unconfirmed', nodeId: node.id })
    }
  }
  return blockers
}

/** Index of the step `back` returns to (the previous step node), or -1. */
export function previousStepIndex(script: Script, state: RunState): number {
  for (let i = state.path.length - 2; i >= 0; i--) {
    const step = state.path[i]
    if (step && findNode(script, step.nodeId)?.kind !== 'branch') return i
  }
  return -1
}

function askView(node: AskNode, answer: AnswerValue | undefined, context: RunContext): AskView {
  const spec = node.answer
  const label = (t: LocalizedText): string => pickText(t, context.language)
  const view: AskView = {
    type: spec.type,
    options: [],
    optional: node.optional === true,
    answer: answer ?? null
  }
  if (spec.type === 'choice') {
    view.options = spec.options.map((o, i) => ({
      index: i + 1,
      value: o.value,
      label: label(o.label)
    }))
  } else if (spec.type === 'yes_no') {
    const yes = context.language === 'es' ? 'Sí' : 'Yes'
    view.options = [
      { index: 1, value: 'yes', label: yes },
      { index: 2, value: 'no', label: 'No' }
    ]
  } else if (spec.type === 'number') {
    if (spec.min !== undefined) view.min = spec.min
    if (spec.max !== undefined) view.max = spec.max
    if (spec.integer !== undefined) view.integer = spec.integer
  } else if (spec.type === 'rating') {
    ;[view.min, view.max] = ratingBounds(spec.scale)
    view.integer = true
  } else if (spec.type === 'text') {
    view.maxLength = spec.maxLength ?? 4000
  }
  return view
}

/**
 * An offer step asks like a two-option question, 1 accepted and 2 declined; optional, so a script
 * that asks about the offer in a question of its own (more than two outcomes) moves on with Enter.
 */
function offerView(answer: AnswerValue | undefined, context: RunContext): AskView {
  return {
    type: 'choice',
    options: offerAnswers.map((value, i) => ({
      index: i + 1,
      value,
      label: offerAnswerLabel(value, context.language)
    })),
    optional: true,
    answer: answer ?? null
  }
}

function stepView(script: Script, state: RunState, node: StepNode, context: RunContext): StepView {
  const step = currentStep(state)
  const source =
    node.kind === 'say' ? node.text : node.kind === 'ask' ? node.prompt : (node.text ?? null)
  const parts = source
    ? renderTemplate(
        pickText(source, context.language),
        variableLookup(script, state.path, context)
      )
    : []
  const disposition =
    node.kind === 'end' ? script.dispositions.find((d) => d.code === node.outcome) : undefined
  const effect =
    node.kind === 'action'
      ? (state.effects.findLast((e) => e.key === node.id)?.effect ?? null)
      : null
  return {
    nodeId: node.id,
    kind: node.kind,
    title: node.title ? pickText(node.title, context.language) : null,
    text: partsToText(parts),
    parts,
    mandatory: node.kind === 'say' && node.mandatory === true,
    confirmedAt: confirmedAt(state, node.id),
    ask:
      node.kind === 'ask'
        ? askView(node, step.answer, context)
        : offeredProduct(script, state, step) !== null
          ? offerView(step.answer, context)
          : null,
    effect,
    outcome:
      node.kind === 'end'
        ? {
            code: node.outcome,
            label: disposition ? pickText(disposition.label, context.language) : node.outcome
          }
        : null
  }
}

/** The view of `state`, or null when its current node is not a step of `script`. */
export function buildView(script: Script, state: RunState, context: RunContext): RunView | null {
  const step = currentStep(state)
  const node = findNode(script, step.nodeId)
  if (!node || node.kind === 'branch') return null
  const onPath = new Set(state.path.map((s) => s.nodeId))
  const blockers = closeBlockers(script, state)
  const active = new Set(step.jumps.map((j) => j.jumpId))
  return {
    status: state.status,
    step: stepView(script, state, node, context),
    mandatory: script.nodes
      .filter((n) => n.kind === 'say' && n.mandatory === true)
      .map((n) => ({
        nodeId: n.id,
        onPath: onPath.has(n.id),
        confirmedAt: confirmedAt(state, n.id)
      })),
    canClose: blockers.length === 0,
    closeBlockers: blockers,
    canGoBack: state.status === 'open' && previousStepIndex(script, state) >= 0,
    inJump: step.jumps[step.jumps.length - 1]?.jumpId ?? null,
    jumps: (script.jumps ?? []).map((j) => ({
      id: j.id,
      label: pickText(j.label, context.language),
      active: active.has(j.id)
    }))
  }
}
