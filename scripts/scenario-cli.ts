/**
 * `npm run scenario -- validate [--json] <file...>`: checks practice scenarios (YAML or JSON)
 * against the bundled scripts in resources/scripts and prints every problem with its file, line,
 * column, code and id. Exits 1 when any scenario has a problem, 2 on bad usage.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { checkScenarioSource, type LocatedScenarioIssue, type ScriptLookup } from '@shared/practice'
import type { Script } from '@shared/scripts/schema'
import { parseScript } from '@shared/scripts/script-source'
import {
  formatLocatedReport,
  formatLocatedReportJson,
  type LocatedFileReport
} from '@shared/yaml/located-report'

import { readLocatedFile } from './read-located-file'

const scriptsDir = join(import.meta.dirname, '..', 'resources', 'scripts')

/** The bundled scripts, by id and version; one that does not parse is left out (its CLI says why). */
function bundledScripts(): ScriptLookup {
  const scripts: Script[] = readdirSync(scriptsDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .flatMap((f) => {
      const parsed = parseScript(readFileSync(join(scriptsDir, f), 'utf8'))
      return parsed.ok ? [parsed.script] : []
    })
  return (id, version) => scripts.find((s) => s.id === id && s.version === version)
}

function readReport(file: string, scripts: ScriptLookup): LocatedFileReport<LocatedScenarioIssue> {
  return readLocatedFile(
    file,
    (text) => checkScenarioSource(text, scripts).issues,
    (finding) => ({ ...finding, id: null, path: [] })
  )
}

const [command, ...rest] = process.argv.slice(2)
const json = rest.includes('--json')
const files = rest.filter((a) => a !== '--json')
if (command !== 'validate' || files.length === 0) {
  process.stderr.write('usage: npm run scenario -- validate [--json] <file...>\n')
  process.exit(2)
}
const scripts = bundledScripts()
const reports = files.map((f) => readReport(f, scripts))
process.stdout.write(
  json
    ? formatLocatedReportJson(reports)
    : formatLocatedReport(reports, { noun: 'scenario', idOf: (i) => i.id })
)
process.exitCode = reports.some((r) => r.issues.length > 0) ? 1 : 0
