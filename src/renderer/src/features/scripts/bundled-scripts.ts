/**
 * The scripts that ship with the app (resources/scripts) and their selection rules
 * (resources/script-selection.yaml), parsed and validated at load time. A
 * broken file is reported and left out rather than taking the whole runner down.
 */
import { parse } from 'yaml'

import type { PublishedScript } from '@shared/domain/published-script'
import { parseScript } from '@shared/scripts/script-source'
import type { Script } from '@shared/scripts/schema'
import { selectionRulesSchema, type SelectionRule } from '@shared/scripts/select-script'

const sources = import.meta.glob<string>(
  ['@resources/scripts/*.yaml', '@resources/script-selection.yaml'],
  {
    query: '?raw',
    import: 'default',
    eager: true
  }
)

/** The rules that pick a script for a call, beside the scripts rather than among them. */
const SELECTION_FILE = 'script-selection.yaml'

export interface ScriptCatalog {
  scripts: ReadonlyMap<string, Script>
  rules: readonly SelectionRule[]
  /** File names that failed validation, with the first finding; shown to trainers, not agents. */
  broken: readonly string[]
}

export function loadBundledScripts(
  files: Readonly<Record<string, string>> = sources
): ScriptCatalog {
  const scripts = new Map<string, Script>()
  const broken: string[] = []
  let rules: SelectionRule[] = []
  for (const [path, text] of Object.entries(files)) {
    const name = path.slice(path.lastIndexOf('/') + 1)
    if (name === SELECTION_FILE) {
      const parsed = selectionRulesSchema.safeParse(parseYaml(text))
      if (parsed.success) rules = parsed.data.rules
      else broken.push(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
      continue
    }
    const result = parseScript(text)
    if (result.ok) scripts.set(result.script.id, result.script)
    else
      broken.push(
        `${name}:${String(result.issues[0]?.line ?? 1)}: ${result.issues[0]?.message ?? 'invalid'}`
      )
  }
  return { scripts, rules, broken }
}

function parseYaml(text: string): unknown {
  try {
    return parse(text)
  } catch {
    // The schema then reports the file as invalid, which is what the reader needs to know.
    return null
  }
}

let bundled: ScriptCatalog | null = null
let catalog: ScriptCatalog | null = null

export function scriptCatalog(): ScriptCatalog {
  bundled ??= loadBundledScripts()
  catalog ??= bundled
  return catalog
}

/**
 * Merges the versions published on the server over the bundled ones: a published version at
 * least as new as the bundled one replaces it; one that fails validation here is left out and
 * reported, never half-used.
 */
export function applyPublishedScripts(published: readonly PublishedScript[]): ScriptCatalog {
  bundled ??= loadBundledScripts()
  const scripts = new Map(bundled.scripts)
  const broken = [...bundled.broken]
  for (const entry of published) {
    const result = parseScript(entry.source)
    if (!result.ok) {
      const first = result.issues[0]
      broken.push(
        `${entry.scriptId} v${String(entry.version)}:${String(first?.line ?? 1)}: ${first?.message ?? 'invalid'}`
      )
      continue
    }
    const current = scripts.get(result.script.id)
    if (!current || result.script.version >= current.version) {
      scripts.set(result.script.id, result.script)
    }
  }
  catalog = { scripts, rules: bundled.rules, broken }
  return catalog
}
