/**
 * The simulated customer: a pure function from the scenario, the script, the language and one
 * event of the script runner to what the customer says next and the little it remembers. The
 * same inputs always give the same lines, so a practice run can be replayed and tested, and a
 * trainer's prompter shows exactly what the solo customer would have said.
 *
 * What the customer does:
 * - on reaching a node: if it is a main-flow node off the expected path, the wrong-branch
 *   reaction first; then the node's lines; then its objection, unless already settled there;
 *   an objection still pending from an earlier node is repeated instead (the customer insists);
 * - on an answer the trainee recorded: the wrong-answer reaction when it differs from the
 *   customer's (free-text answers are the trainee's own words and never "wrong");
 * - on a jump: taking the pending objection's jump handles it; coming back from that jump, the
 *   customer says the objection's `settled` lines;
 * - on an offer: the customer's response lines at that node;
 * - on a compensation: accepted between `min` and `max`, else the too-low or too-high lines;
 * - on a skipped mandatory line: the skipped-mandatory reaction.
 */
import type { Language } from '../domain/customer'
import { pickText, type LocalizedText } from '../scripts/localized-text'
import type { OfferAnswer } from '../scripts/offer-step'
import type { AnswerValue } from '../scripts/run-state'
import { findNode, type Script } from '../scripts/schema'
import { mainFlowNodes } from './scenario-graph'
import type { CustomerTurn, Scenario } from './scenario-schema'

/** What the script runner tells the customer, in the runner's terms (node ids, jump ids). */
export type PracticeEvent =
  | { type: 'entered'; nodeId: string }
  | { type: 'answered'; nodeId: string; value: AnswerValue }
  | { type: 'jumped'; jumpId: string }
  | { type: 'returned' }
  | { type: 'offered'; nodeId: string; product: string | null; outcome?: OfferAnswer }
  | { type: 'compensation'; amount: number }
  | { type: 'skippedMandatory'; nodeId: string }

export type CompensationStance = 'none' | 'accepted' | 'too_low' | 'too_high'

/** Plain JSON, so the app can keep it with the run state and rebuild it after a restart. */
export interface CustomerState {
  /** The objection raised and not yet handled, and the node where the customer raised it. */
  pendingObjection: { jumpId: string; nodeId: string } | null
  /** The jumps the trainee is in, innermost last (mirrors the runner's jump stack). */
  jumps: string[]
  /** The objection being handled in the current jump: settled when the trainee returns. */
  handling: { jumpId: string; nodeId: string } | null
  /** Nodes whose objection was handled: reaching them again does not raise it again. */
  settledAt: string[]
  compensation: CompensationStance
}

export type CustomerReaction =
  | 'lines'
  | 'wrong_branch'
  | 'wrong_answer'
  | 'objection'
  | 'objection_repeated'
  | 'objection_settled'
  | 'offer'
  | 'compensation_accepted'
  | 'compensation_too_low'
  | 'compensation_too_high'
  | 'skipped_mandatory'

export interface CustomerTurnResult {
  /** What the customer says, in order, in the call's language. */
  lines: string[]
  state: CustomerState
  /** What prompted the lines, in the same order as their groups (for the prompter and tests). */
  reactions: CustomerReaction[]
}

export interface CustomerContext {
  scenario: Scenario
  /** The scenario's script version (the caller resolved it when it loaded the scenario). */
  script: Script
  language: Language
}

export const initialCustomerState = (): CustomerState => ({
  pendingObjection: null,
  jumps: [],
  handling: null,
  settledAt: [],
  compensation: 'none'
})

const turnAt = (scenario: Scenario, nodeId: string): CustomerTurn | undefined =>
  scenario.customer.turns.find((t) => t.node === nodeId)

class Speech {
  readonly lines: string[] = []
  readonly reactions: CustomerReaction[] = []
  constructor(private readonly language: Language) {}
  say(reaction: CustomerReaction, texts: readonly LocalizedText[] | undefined): void {
    if (!texts || texts.length === 0) return
    this.lines.push(...texts.map((t) => pickText(t, this.language)))
    this.reactions.push(reaction)
  }
}

function entered(
  { scenario, script }: CustomerContext,
  state: CustomerState,
  nodeId: string,
  speech: Speech
): CustomerState {
  const offPath = mainFlowNodes(script).has(nodeId) && !scenario.expectedPath.includes(nodeId)
  if (offPath) speech.say('wrong_branch', scenario.customer.reactions.wrongBranch)
  const turn = turnAt(scenario, nodeId)
  speech.say('lines', turn?.says)
  const objection = turn?.objection
  if (objection && !state.settledAt.includes(nodeId)) {
    speech.say('objection', objection.says)
    return { ...state, pendingObjection: { jumpId: objection.jump, nodeId } }
  }
  const pending = state.pendingObjection
  // Inside a jump the trainee is already answering something: the customer listens.
  if (pending && state.jumps.length === 0) {
    speech.say('objection_repeated', turnAt(scenario, pending.nodeId)?.objection?.says)
  }
  return state
}

function answered(
  { scenario, script }: CustomerContext,
  nodeId: string,
  value: AnswerValue,
  speech: Speech
): void {
  const expected = turnAt(scenario, nodeId)?.answer
  const node = findNode(script, nodeId)
  const isFreeText = node?.kind === 'ask' && node.answer.type === 'text'
  if (expected !== undefined && !isFreeText && expected !== value) {
    speech.say('wrong_answer', scenario.customer.reactions.wrongAnswer)
  }
}

function jumped(state: CustomerState, jumpId: string): CustomerState {
  const jumps = [...state.jumps, jumpId]
  const pending = state.pendingObjection
  if (pending?.jumpId !== jumpId) return { ...state, jumps }
  return {
    ...state,
    jumps,
    pendingObjection: null,
    handling: pending,
    settledAt: [...state.settledAt, pending.nodeId]
  }
}

function returned(
  { scenario }: CustomerContext,
  state: CustomerState,
  speech: Speech
): CustomerState {
  const left = state.jumps[state.jumps.length - 1]
  const jumps = state.jumps.slice(0, -1)
  if (left === undefined || state.handling?.jumpId !== left) return { ...state, jumps }
  speech.say('objection_settled', turnAt(scenario, state.handling.nodeId)?.objection?.settled)
  return { ...state, jumps, handling: null }
}

function compensation(
  { scenario }: CustomerContext,
  state: CustomerState,
  amount: number,
  speech: Speech
): CustomerState {
  const wants = scenario.customer.compensation
  if (!wants) return state
  // Compare in cents, as the authority check does: 0.1 + 0.2 must not exceed 0.3.
  const cents = (n: number): number => Math.round(n * 100)
  if (cents(amount) > cents(wants.max)) {
    speech.say('compensation_too_high', wants.tooHigh)
    return { ...state, compensation: 'too_high' }
  }
  if (cents(amount) < cents(wants.min ?? 0)) {
    speech.say('compensation_too_low', wants.tooLow)
    return { ...state, compensation: 'too_low' }
  }
  speech.say('compensation_accepted', wants.accepts)
  return { ...state, compensation: 'accepted' }
}

/** What the customer says after `event`, and the state to pass with the next event. */
export function customerTurn(
  context: CustomerContext,
  state: CustomerState,
  event: PracticeEvent
): CustomerTurnResult {
  const speech = new Speech(context.language)
  const { scenario } = context
  let next = state
  switch (event.type) {
    case 'entered':
      next = entered(context, state, event.nodeId, speech)
      break
    case 'answered':
      answered(context, event.nodeId, event.value, speech)
      break
    case 'jumped':
      next = jumped(state, event.jumpId)
      break
    case 'returned':
      next = returned(context, state, speech)
      break
    case 'offered':
      speech.say('offer', turnAt(scenario, event.nodeId)?.offer?.says)
      break
    case 'compensation':
      next = compensation(context, state, event.amount, speech)
      break
    case 'skippedMandatory':
      speech.say('skipped_mandatory', scenario.customer.reactions.skippedMandatory)
      break
  }
  return { lines: speech.lines, state: next, reactions: speech.reactions }
}
