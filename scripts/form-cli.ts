/**
 * `npm run form -- validate [--json] <file...>`: checks evaluation forms (YAML or JSON) the way
 * the server does on upload and prints every problem with its file, line, question id and code.
 * Exits 1 when any form has a problem, 2 on bad usage.
 */
import { checkFormSource } from '@shared/evaluations/form-source'
import type { LocatedFormIssue } from '@shared/evaluations/validate-form'
import {
  formatLocatedReport,
  formatLocatedReportJson,
  type LocatedFileReport
} from '@shared/yaml/located-report'

import { readLocatedFile } from './read-located-file'

type FormReport = LocatedFileReport<LocatedFormIssue>

function readReport(file: string): FormReport {
  return readLocatedFile(
    file,
    (text) => checkFormSource(text).issues,
    (finding) => ({ ...finding, questionId: null, path: [] })
  )
}

const [command, ...rest] = process.argv.slice(2)
const json = rest.includes('--json')
const files = rest.filter((a) => a !== '--json')
if (command !== 'validate' || files.length === 0) {
  process.stderr.write('usage: npm run form -- validate [--json] <file...>\n')
  process.exit(2)
}
const reports = files.map(readReport)
process.stdout.write(
  json
    ? formatLocatedReportJson(reports)
    : formatLocatedReport(reports, { noun: 'form', idOf: (i) => i.questionId })
)
process.exit(reports.every((r) => r.issues.length === 0) ? 0 : 1)
