/**
 * How the figures read: percentages with one decimal in the reader's language (es "87,5 %",
 * en "87.5%"), a signed difference in points, a count, a week by its Monday. One decimal always,
 * so a column of averages lines up and 80 never reads as rounder than 79,5.
 */
import { dateTimeFormat, numberFormat } from '@renderer/i18n/formatters'

/** What a figure with nothing counted reads as. */
export const NO_FIGURE = '—'

/** A percentage given 0–100 (the scores and averages). */
export function formatPercent(value: number | null, language: string): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE
  return numberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  }).format(value / 100)
}

/** A share given 0–1 (the pass rate). */
export function formatRate(value: number | null, language: string): string {
  return value === null ? NO_FIGURE : formatPercent(value * 100, language)
}

/** A difference in points of percentage, always signed ("+2,5", "−2,5", "0,0"). */
export function formatPoints(value: number | null, language: string): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE
  const text = numberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero'
  }).format(value)
  // A true minus sign: a hyphen reads as a dash beside a column of plus signs.
  return text.replace('-', '\u2212')
}

export function formatCount(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value)
}

/** A week by its Monday ("7 dic", "Dec 7"); the date is a calendar day, read in UTC. */
export function formatWeek(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDate
  return dateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date)
}

/** A calendar day in the reader's short form ("6/12/26"). */
export function formatDay(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDate
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}
