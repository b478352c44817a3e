/**
 * The validators' report for people (one `file:line:column  code  [id]  message` line per
 * finding, like a compiler) and for machines (JSON), shared by the CLIs of scripts, forms and
 * practice scenarios so they read alike. Pure: a CLI only reads files and writes what this returns.
 */
export interface LocatedFinding {
  code: string
  message: string
  line: number
  column: number
}

export interface LocatedFileReport<T extends LocatedFinding> {
  file: string
  issues: T[]
}

export interface ReportOptions<T> {
  /** What the files are, for the summary line: `script`, `form`, `scenario`. */
  noun: string
  /** The id at fault, shown in brackets; null for none. */
  idOf: (issue: T) => string | null
}

/** One line per finding (or `file: ok`), then a summary line. */
export function formatLocatedReport<T extends LocatedFinding>(
  reports: readonly LocatedFileReport<T>[],
  { noun, idOf }: ReportOptions<T>
): string {
  const lines = reports.flatMap(({ file, issues }) =>
    issues.length === 0
      ? [`${file}: ok`]
      : issues.map((i) => {
          const id = idOf(i)
          const tag = id === null ? '' : ` [${id}]`
          return `${file}:${String(i.line)}:${String(i.column)}  ${i.code}${tag}  ${i.message}`
        })
  )
  const total = reports.reduce((n, r) => n + r.issues.length, 0)
  const bad = reports.filter((r) => r.issues.length > 0).length
  const count = String(reports.length)
  lines.push(
    total === 0
      ? `${count} ${noun}(s) valid`
      : `${String(total)} problem(s) in ${String(bad)} of ${count} ${noun}(s)`
  )
  return `${lines.join('\n')}\n`
}

/** The same report as JSON: `{ ok, files: [{ file, issues: [...] }] }`. */
export function formatLocatedReportJson(
  reports: readonly LocatedFileReport<LocatedFinding>[]
): string {
  const ok = reports.every((r) => r.issues.length === 0)
  return `${JSON.stringify({ ok, files: reports }, null, 2)}\n`
}
