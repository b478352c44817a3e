/**
 * `npm run form -- validate [--json] <file...>`: checks evaluation forms (YAML or JSON) the way
 * the server does on upload and prints every problem with its file, line, question id and code.
 * Exits 1 when any form has a problem, 2 on bad usage.
 */
import { readFileSync } from 'node:fs'

import { checkFormSource } from '@shared/evaluations/form-source'
import type { LocatedFormIssue } from '@shared/evaluations/validate-form'

interface FormReport {
  file: string
  issues: LocatedFormIssue[]
}

function readReport(file: string): FormReport {
  try {
    return { file, issues: checkFormSource(readFileSync(file, 'utf8')).issues }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      file,
      issues: [
        {
          code: 'syntax',
          message: `cannot read: ${message}`,
          questionId: null,
          path: [],
          line: 1,
          column: 1
        }
      ]
    }
  }
}

function text(reports: readonly FormReport[]): string {
  const lines = reports.flatMap(({ file, issues }) =>
    issues.length === 0
      ? [`${file}: ok`]
      : issues.map((i) => {
          const question = i.questionId === null ? '' : ` [${i.questionId}]`
          return `${file}:${String(i.line)}:${String(i.column)}  ${i.code}${question}  ${i.message}`
        })
  )
  const total = reports.reduce((n, r) => n + r.issues.length, 0)
  const bad = reports.filter((r) => r.issues.length > 0).length
  lines.push(
    total === 0
      ? `${String(reports.length)} form(s) valid`
      : `${String(total)} problem(s) in ${String(bad)} of ${String(reports.length)} form(s)`
  )
  return `${lines.join('\n')}\n`
}

const [command, ...rest] = process.argv.slice(2)
const json = rest.includes('--json')
const files = rest.filter((a) => a !== '--json')
if (command !== 'validate' || files.length === 0) {
  process.stderr.write('usage: npm run form -- validate [--json] <file...>\n')
  process.exit(2)
}
const reports = files.map(readReport)
const ok = reports.every((r) => r.issues.length === 0)
process.stdout.write(json ? `${JSON.stringify({ ok, files: reports }, null, 2)}\n` : text(reports))
process.exit(ok ? 0 : 1)
