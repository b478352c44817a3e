/**
 * Progress in words: a missed point named by its step in the script's words (never a node id),
 * scenario titles in the reader's language, dates and percents in the reader's formats.
 */
import { certificationRule } from '@shared/practice/progress-api'
import type { TFunction } from 'i18next'

import type { ComplaintCategoryConfig, DispositionCode } from '@shared/domain/configuration'
import { sanitizeDisplayText } from '@shared/domain/text'
import type { WeakItem } from '@shared/practice/progress-api'
import { findNode, type Script } from '@shared/scripts/schema'
import { itemKind, itemSubject, localized } from '../practice-scenarios'

type Localized = { es?: string | undefined; en?: string | undefined }

export const scenarioTitle = (title: Localized, language: string): string =>
  sanitizeDisplayText(localized(title, language), 120)

/** Where scripts are found by id (the page's catalog; tests give a map). */
export type ScriptLookup = (scriptId: string) => Script | null

export interface WeakLabel {
  /** The step or outcome missed, in the script's words. */
  subject: string
  /** The kind of point ("Paso obligatorio", "Decisión"…), as the practice report says it. */
  kind: string
}

export function weakItemLabel(
  context: {
    t: TFunction
    language: string
    scripts: ScriptLookup
    categories: readonly ComplaintCategoryConfig[]
  },
  item: Pick<WeakItem, 'kind' | 'nodeId' | 'scriptId'>
): WeakLabel {
  const { t, language, categories } = context
  const script = context.scripts(item.scriptId)
  const kind = itemKind({ t }, item)
  // A step the script no longer has (or a script not on this desk): say so rather than show
  // the id, which means nothing to a trainer.
  if (item.nodeId !== null && (!script || !findNode(script, item.nodeId))) {
    return { subject: t('trainingProgress.weakest.unknownStep'), kind }
  }
  return { subject: itemSubject({ t, language, script, categories }, item), kind }
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatDay(iso: string, language: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(date)
}

/** What naming steps, categories and codes needs: passed down so views render without stores. */
export interface ProgressLabels {
  scripts: ScriptLookup
  categories: readonly ComplaintCategoryConfig[]
  dispositions: readonly DispositionCode[]
}

/** Scenario titles by id, from whatever in an answer names them (columns, certifications…). */
export function titlesOf(
  named: readonly { scenarioId: string; title?: Localized; scenarioTitle?: Localized }[],
  language: string
): Map<string, string> {
  const titles = new Map<string, string>()
  for (const n of named) {
    const title = n.scenarioTitle ?? n.title
    if (title && !titles.has(n.scenarioId)) titles.set(n.scenarioId, scenarioTitle(title, language))
  }
  return titles
}

/** The certification mark as people say it ("80 %"), not as a measured score ("80,0 %"). */
export function certificationMark(language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent' }).format(
    certificationRule.minPercent / 100
  )
}
