/**
 * The practice report in words: each scored item's step, what the scenario expected and what the
 * trainee did, from the node ids and codes the score keeps. Steps by their title in the script
 * (the node id when it has none), answers and codes by their labels.
 */
import type { TFunction } from 'i18next'

import type { ComplaintCategoryConfig, DispositionCode } from '@shared/domain/configuration'
import { sanitizeDisplayText } from '@shared/domain/text'
import type { PracticeFacts, ScoreItem, Scenario } from '@shared/practice'
import { pickText } from '@shared/scripts/localized-text'
import { nodeLabel, stepInto } from '@shared/scripts/node-label'
import { isOfferAnswer, offerAnswerLabel } from '@shared/scripts/offer-step'
import { findNode, type Script } from '@shared/scripts/schema'
import { formatAmount } from '@renderer/i18n/format-amount'
import { categoryLabel, labelLanguage } from '../complaints'

export interface ReportLabelContext {
  t: TFunction
  /** The interface language (the report is the trainee's, not the customer's). */
  language: string
  /** Null when reading a stored session whose scenario is not at hand (no currency to show). */
  scenario: Pick<Scenario, 'expectations'> | null
  script: Script | null
  categories: readonly ComplaintCategoryConfig[]
  dispositions: readonly DispositionCode[]
  /** The grant the score read, if any (its currency, and whether it needed approval). */
  grant: PracticeFacts['compensation']
}

export function stepLabel(
  context: Pick<ReportLabelContext, 't' | 'language' | 'script' | 'categories'>,
  nodeId: string
): string {
  const { script, t } = context
  const language = labelLanguage(context.language)
  const node = script ? findNode(script, nodeId) : undefined
  if (!script || !node) return sanitizeDisplayText(nodeId, 80)
  const label = nodeLabel(script, nodeId, language, 60)
  if (label !== null) return sanitizeDisplayText(label, 120)
  // A step that says nothing: named by what it does.
  if (node.kind === 'action' && node.action.type === 'create_complaint') {
    const category = categoryLabel(node.action.category, context.categories, t, context.language)
    return t('practiceReport.step.createComplaint', { category })
  }
  if (node.kind === 'branch') {
    // Several routes in one script would all read "Script route": named by their question.
    const before = stepInto(script, nodeId)
    const asked = before === null ? null : nodeLabel(script, before, language, 50)
    if (asked !== null) {
      return t('practiceReport.step.routeAfter', { step: sanitizeDisplayText(asked, 100) })
    }
  }
  return t(node.kind === 'branch' ? 'practiceReport.step.route' : 'practiceReport.step.action')
}

/** What names a scored point: its kind and the step it is about (a session's or a tally's). */
export type ItemRef = Pick<ScoreItem, 'kind' | 'nodeId'>

/** The row's heading: the step for path items, the outcome's name for the rest. */
export function itemSubject(
  context: Pick<ReportLabelContext, 't' | 'language' | 'script' | 'categories'>,
  item: ItemRef
): string {
  if (item.nodeId !== null && item.kind !== 'offer') return stepLabel(context, item.nodeId)
  if (item.kind === 'offer' && item.nodeId !== null) {
    return context.t('practiceReport.subject.offer', { step: stepLabel(context, item.nodeId) })
  }
  return context.t(`practiceReport.subject.${item.kind}`)
}

/** What the row checks, in a word or two ("Paso obligatorio", "Decisión", "Tiempo"). */
export function itemKind(context: Pick<ReportLabelContext, 't'>, item: ItemRef): string {
  return context.t(`practiceReport.kind.${item.kind}`)
}

function dispositionLabel(context: ReportLabelContext, code: string): string {
  const language = labelLanguage(context.language)
  const configured = context.dispositions.find((d) => d.code === code)
  if (configured) return configured.label[language]
  const scripted = context.script?.dispositions.find((d) => d.code === code)
  return sanitizeDisplayText(scripted ? pickText(scripted.label, language) : code, 120)
}

function offerLabel(context: ReportLabelContext, value: string): string {
  // `product:outcome` (the product may be empty when the step found none), or just the outcome.
  const split = value.lastIndexOf(':')
  const product = split < 0 ? '' : value.slice(0, split)
  const answer = split < 0 ? value : value.slice(split + 1)
  const language = labelLanguage(context.language)
  const said = isOfferAnswer(answer)
    ? offerAnswerLabel(answer, language)
    : context.t('practiceReport.value.noAnswer')
  return product === '' ? said : `${sanitizeDisplayText(product, 60)}: ${said}`
}

/**
 * One side of a row in words: what the scenario expected, or what the trainee did. Nothing done
 * reads in the item's own terms ("not reached" on a step, "none" for an outcome).
 */
export function valueLabel(
  context: ReportLabelContext,
  item: ScoreItem,
  side: 'expected' | 'actual'
): string {
  const { t } = context
  const value = item[side]
  if (value === null) {
    return t(item.nodeId === null ? 'practiceReport.value.none' : 'practiceReport.value.notReached')
  }
  switch (item.kind) {
    case 'mandatory_step':
      return t(`practiceReport.value.${String(value)}`)
    case 'branch':
      return stepLabel(context, String(value))
    case 'offer':
      return offerLabel(context, String(value))
    case 'complaint_category':
      return categoryLabel(String(value), context.categories, t, context.language)
    case 'complaint_dimension': {
      const dimension = t(`complaints.dimensions.${String(value)}`)
      // The dimension counts on the complaint of the expected category only.
      return side === 'actual' && !item.passed && value === item.expected
        ? t('practiceReport.value.dimensionOtherCategory', { dimension })
        : dimension
    }
    case 'compensation':
      return compensationLabel(context, Number(value), side)
    case 'disposition':
      return dispositionLabel(context, String(value))
    case 'time':
      return t('practiceReport.value.seconds', { count: Number(value) })
  }
}

function compensationLabel(
  context: ReportLabelContext,
  amount: number,
  side: 'expected' | 'actual'
): string {
  const expected = context.scenario?.expectations.compensation
  const currency = context.grant?.currency ?? expected?.currency
  if (currency === undefined) {
    // A stored session read without its scenario: the amount alone, never a guessed currency.
    return new Intl.NumberFormat(context.language).format(amount)
  }
  if (side === 'expected') {
    const formatted = formatAmount(amount, expected?.currency ?? 'EUR', context.language)
    return context.t('practiceReport.value.upTo', { amount: formatted })
  }
  const granted = context.grant
  const formatted = formatAmount(
    amount,
    granted?.currency ?? expected?.currency ?? 'EUR',
    context.language
  )
  // A request that went to approval was beyond the trainee's authority: say so beside it.
  return granted && !granted.withinAuthority
    ? context.t('practiceReport.value.neededApproval', { amount: formatted })
    : formatted
}
