/**
 * An `offer_product` step: the agent reads the offer out and records the customer's answer,
 * accepted or declined, on the step like an answer to a question. The answer travels in the run's
 * path, so the run record (and the analytics built from it) says which offers convert. An offer
 * step that found nothing to offer (no next-best offer for this customer) asks nothing. The answer
 * is optional: a script may ask about the offer in a question of its own.
 */
import type { Language } from '../domain/customer'
import type { PathStep, RunState } from './run-state'
import { findNode, type Script } from './schema'

export const offerAnswers = ['accepted', 'declined'] as const
export type OfferAnswer = (typeof offerAnswers)[number]

const labels: Record<Language, Record<OfferAnswer, string>> = {
  es: { accepted: 'Acepta la oferta', declined: 'No la acepta' },
  en: { accepted: 'Accepts the offer', declined: 'Declines it' }
}

export function offerAnswerLabel(answer: OfferAnswer, language: Language): string {
  return labels[language][answer]
}

export function isOfferAnswer(value: unknown): value is OfferAnswer {
  return offerAnswers.some((a) => a === value)
}

/** The product offered at `step`, when it is an offer step that found one; else null. */
export function offeredProduct(script: Script, state: RunState, step: PathStep): string | null {
  const node = findNode(script, step.nodeId)
  if (node?.kind !== 'action' || node.action.type !== 'offer_product') return null
  const effect = state.effects.findLast((e) => e.key === node.id)?.effect
  return effect?.type === 'offer_product' ? effect.productCode : null
}
