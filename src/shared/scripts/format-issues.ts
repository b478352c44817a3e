/**
 * The validator's report for people (one line per finding, like a compiler) and for machines
 * (JSON). Kept pure so the CLI only reads files and writes what this returns.
 */
import type { LocatedIssue } from './issues'

export interface FileReport {
  file: string
  issues: LocatedIssue[]
}

/** `file:line:column  code  [node]  message` lines, then a summary line. */
export function formatReport(reports: readonly FileReport[]): string {
  const lines: string[] = []
  for (const { file, issues } of reports) {
    if (issues.length === 0) {
      lines.push(`${file}: ok`)
      continue
    }
    for (const i of issues) {
      const node = i.nodeId === null ? '' : ` [${i.nodeId}]`
      lines.push(`${file}:${i.line}:${i.column}  ${i.code}${node}  ${i.message}`)
    }
  }
  const total = reports.reduce((n, r) => n + r.issues.length, 0)
  const bad = reports.filter((r) => r.issues.length > 0).length
  lines.push(
    total === 0
      ? `${reports.length} script(s) valid`
      : `${total} problem(s) in ${bad} of ${reports.length} script(s)`
  )
  return `${lines.join('\n')}\n`
}

/** The same report as JSON: `{ ok, files: [{ file, issues: [...] }] }`. */
export function formatReportJson(reports: readonly FileReport[]): string {
  const ok = reports.every((r) => r.issues.length === 0)
  return `${JSON.stringify({ ok, files: reports }, null, 2)}\n`
}
