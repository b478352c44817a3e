import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { checkScenarioSource, type Scenario, type ScriptLookup } from '@shared/practice'
import type { Script } from '@shared/scripts/schema'
import { parseScript } from '@shared/scripts/script-source'

export const root = join(import.meta.dirname, '../../../..')
export const samplesDir = join(root, 'resources/practice-scenarios')
export const brokenDir = join(root, 'test/fixtures/practice-scenarios/broken')

const scripts: Script[] = readdirSync(join(root, 'resources/scripts')).map((f) => {
  const parsed = parseScript(readFileSync(join(root, 'resources/scripts', f), 'utf8'))
  if (!parsed.ok) throw new Error(`bundled script ${f} does not parse`)
  return parsed.script
})

export const bundledScripts: ScriptLookup = (id, version) =>
  scripts.find((s) => s.id === id && s.version === version)

/** A bundled sample, parsed and checked, with its script. */
export function sample(name: string): { scenario: Scenario; script: Script } {
  const checked = checkScenarioSource(
    readFileSync(join(samplesDir, `${name}.yaml`), 'utf8'),
    bundledScripts
  )
  if (!checked.scenario || checked.issues.length > 0) throw new Error(`${name} does not validate`)
  const script = bundledScripts(checked.scenario.script.id, checked.scenario.script.version)
  if (!script) throw new Error(`${name}: no script`)
  return { scenario: checked.scenario, script }
}
