/**
 * The validator's report for people (one line per finding, like a compiler) and for machines
 * (JSON), in the shared located-report format the form and scenario CLIs print too. Kept pure so
 * the CLI only reads files and writes what this returns.
 */
import {
  formatLocatedReport,
  formatLocatedReportJson,
  type LocatedFileReport
} from '../yaml/located-report'
import type { LocatedIssue } from './issues'

export type FileReport = LocatedFileReport<LocatedIssue>

/** `file:line:column  code  [node]  message` lines, then a summary line. */
export function formatReport(reports: readonly FileReport[]): string {
  return formatLocatedReport(reports, { noun: 'script', idOf: (i) => i.nodeId })
}

/** The same report as JSON: `{ ok, files: [{ file, issues: [...] }] }`. */
export function formatReportJson(reports: readonly FileReport[]): string {
  return formatLocatedReportJson(reports)
}
