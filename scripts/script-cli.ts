/**
 * `npm run script -- validate [--json] <file...>`: checks call scripts (YAML or JSON) and prints
 * every problem with its file, line, node id and code. Exits 1 when any script has a problem,
 * 2 on bad usage, so CI and authoring tools can rely on the status.
 */
import { readFileSync } from 'node:fs'

import {
  formatReport,
  formatReportJson,
  type FileReport
} from '../src/shared/scripts/format-issues'
import { checkScriptSource } from '../src/shared/scripts/script-source'

const usage = 'usage: npm run script -- validate [--json] <file...>\n'

function readReport(file: string): FileReport {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      file,
      issues: [
        {
          code: 'syntax',
          message: `cannot read: ${message}`,
          nodeId: null,
          path: [],
          line: 1,
          column: 1
        }
      ]
    }
  }
  return { file, issues: checkScriptSource(text).issues }
}

const [command, ...rest] = process.argv.slice(2)
const json = rest.includes('--json')
const files = rest.filter((a) => a !== '--json')
if (command !== 'validate' || files.length === 0) {
  process.stderr.write(usage)
  process.exit(2)
}
const reports = files.map(readReport)
process.stdout.write(json ? formatReportJson(reports) : formatReport(reports))
process.exitCode = reports.some((r) => r.issues.length > 0) ? 1 : 0
