/**
 * A score in words, the same in the live status, the lists and the read view: "Puntuación
 * 87,5 % · Aprobada", with a failed critical item said apart from the percentage.
 */
import type { TFunction } from 'i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { pickText, type LocalizedText } from '@shared/scripts/localized-text'
import { dateTimeFormat, numberFormat } from '@renderer/i18n/formatters'

export interface ScoreFigures {
  percent: number | null
  passed: boolean
  criticalFailed: boolean
}

/** The page's language as the forms are written in (Spanish unless English). */
export const formLanguage = (language: string): 'es' | 'en' =>
  language.startsWith('en') ? 'en' : 'es'

/** A form's text in the person's language, cleaned to be shown as text. */
export const formText = (text: LocalizedText, language: string, max = 400): string =>
  sanitizeDisplayText(pickText(text, formLanguage(language)), max)

/** A name or other stored line, as text: no bidi overrides, no control characters. */
export const nameText = (name: string, max = 80): string => sanitizeDisplayText(name, max)

export function percentText(percent: number | null, t: TFunction, language: string): string {
  if (percent === null) return t('evaluations.score.none')
  const value = numberFormat(language, { maximumFractionDigits: 1 }).format(percent)
  return t('evaluations.score.percent', { value })
}

/** Passed, failed, or failed on a critical item (whatever the percentage says). */
export function verdictText(score: ScoreFigures, t: TFunction): string {
  if (score.criticalFailed) return t('evaluations.score.criticalFailed')
  if (score.percent === null) return t('evaluations.score.nothingCounted')
  return score.passed ? t('evaluations.score.passed') : t('evaluations.score.failed')
}

export function verdictClass(score: ScoreFigures): 'passed' | 'failed' | 'critical' | 'empty' {
  if (score.criticalFailed) return 'critical'
  if (score.percent === null) return 'empty'
  return score.passed ? 'passed' : 'failed'
}

/** "Puntuación 87,5 % · Aprobada". */
export function scoreStatusText(score: ScoreFigures, t: TFunction, language: string): string {
  return t('evaluations.score.status', {
    percent: percentText(score.percent, t, language),
    verdict: verdictText(score, t)
  })
}

export function dateTimeText(iso: string, language: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return dateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(at)
}

export function timeText(iso: string, language: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return dateTimeFormat(language, { timeStyle: 'short' }).format(at)
}

/** A comment or note as text: its lines kept (shown pre-wrapped), each line cleaned like a name. */
export function noteText(text: string, max = 2000): string {
  const cleaned = text
    .split('\n')
    .map((line) => sanitizeDisplayText(line, max))
    .join('\n')
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned
}
