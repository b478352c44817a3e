/**
 * The script version a scenario names, as the server resolves it: a version published on this
 * server wins (it is what desks pull and run); else the bundled one in resources/scripts, which
 * every desk ships with and which the server never stores. Drafts never count: a trainee could
 * not run them.
 *
 * `checkScenarioSource` takes a synchronous lookup, so the one script a source names is read
 * first and the lookup answers for that script only.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { ScriptLookup } from '@shared/practice'
import type { Script } from '@shared/scripts/schema'
import { parseScript } from '@shared/scripts/script-source'
import { parseLocatedYaml } from '@shared/yaml/located-yaml'
import type { Queryable } from '../db/db'
import { resourceDir } from '../resource-dir'

/** The YAML (or JSON) files of a folder, sorted, as full paths. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir)
  return names
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f))
}

/** As the script routes accept them. */
const SCRIPT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/
const MAX_VERSION = 2_147_483_647

const keyOf = (id: string, version: number) => `${id}@${String(version)}`

/** Shipped with the server, so read once per process; a file that does not parse is left out. */
let bundled: Promise<Map<string, Script>> | null = null

function bundledScripts(): Promise<Map<string, Script>> {
  bundled ??= (async () => {
    const scripts = new Map<string, Script>()
    const dir = resourceDir('scripts')
    if (dir === null) return scripts
    for (const file of await sourceFiles(dir)) {
      const parsed = parseScript(await readFile(file, 'utf8'))
      if (parsed.ok) scripts.set(keyOf(parsed.script.id, parsed.script.version), parsed.script)
    }
    return scripts
  })()
  return bundled
}

/** One script version: the published one on this server, else the bundled one, else none. */
export async function resolveScript(
  db: Queryable,
  id: string,
  version: number
): Promise<Script | undefined> {
  const rows = await db.query<{ source: string }>(
    `SELECT source FROM scripts WHERE script_id = $1 AND version = $2 AND status = 'published'`,
    [id, version]
  )
  const stored = rows[0]
  if (stored) {
    const parsed = parseScript(stored.source)
    // Checked when it was uploaded; a version that no longer parses is as good as none.
    return parsed.ok ? parsed.script : undefined
  }
  return (await bundledScripts()).get(keyOf(id, version))
}

/** The script reference a source names, read loosely: the check reports anything malformed. */
function scriptRefOf(source: string): { id: string; version: number } | null {
  const parsed = parseLocatedYaml(source)
  if (!parsed.ok || !parsed.data || typeof parsed.data !== 'object') return null
  const script: unknown = (parsed.data as Record<string, unknown>)['script']
  if (!script || typeof script !== 'object') return null
  const { id, version } = script as Record<string, unknown>
  // Only what could name a stored script reaches the query: a float, a huge number or a NUL
  // would make the database fail the request instead of the check reporting the finding.
  const named =
    typeof id === 'string' &&
    SCRIPT_ID.test(id) &&
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= 1 &&
    version <= MAX_VERSION
  return named ? { id, version } : null
}

/** The lookup `checkScenarioSource` needs for this source. */
export async function scriptLookupFor(db: Queryable, source: string): Promise<ScriptLookup> {
  const ref = scriptRefOf(source)
  if (ref === null) return () => undefined
  const script = await resolveScript(db, ref.id, ref.version)
  return (id, version) => (ref.id === id && ref.version === version ? script : undefined)
}
