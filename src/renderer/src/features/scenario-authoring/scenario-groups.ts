/**
 * The trainer's list of scenarios as pure functions: versions grouped per scenario (newest
 * first) with the one trainees run, and the text a new version or a copy starts from.
 */
import type { ScenarioVersion } from '@shared/practice/scenario-api'

export interface ScenarioGroup {
  scenarioId: string
  /** Newest first. */
  versions: ScenarioVersion[]
  /** What trainees run: the newest published version (none while only drafts exist). */
  current: ScenarioVersion | null
  /** Retiring is per scenario: trainees no longer see any of its versions. */
  retired: boolean
}

export function groupScenarios(versions: readonly ScenarioVersion[]): ScenarioGroup[] {
  const byId = new Map<string, ScenarioVersion[]>()
  for (const v of versions) byId.set(v.scenarioId, [...(byId.get(v.scenarioId) ?? []), v])
  return [...byId.entries()]
    .map(([scenarioId, list]) => {
      const sorted = [...list].sort((a, b) => b.version - a.version)
      return {
        scenarioId,
        versions: sorted,
        current: sorted.find((v) => v.status === 'published') ?? null,
        retired: sorted.some((v) => v.retired)
      }
    })
    .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId))
}

const TOP_LEVEL = (key: string) => new RegExp(`^${key}:[^\\n]*$`, 'm')

/** The source with its top-level `key:` line set to `value` (added first when missing). */
function withTopLevel(source: string, key: string, value: string): string {
  const line = `${key}: ${value}`
  return TOP_LEVEL(key).test(source) ? source.replace(TOP_LEVEL(key), line) : `${line}\n${source}`
}

/** The next version's starting text: the newest one's, numbered one above every version. */
export function nextVersionSource(group: ScenarioGroup, newestSource: string): string {
  const top = group.versions[0]?.version ?? 0
  return withTopLevel(newestSource, 'version', String(top + 1))
}

/** A copy as a new scenario: another id, version 1; the trainer renames it before uploading. */
export function copySource(source: string, newId: string): string {
  return withTopLevel(withTopLevel(source, 'id', newId), 'version', '1')
}

/** An id for a copy not yet taken: `<id>-copia`, then `-copia-2`, … (ids are at most 64). */
export function copyId(scenarioId: string, taken: ReadonlySet<string>, suffix: string): string {
  const base = `${scenarioId.slice(0, 64 - suffix.length - 4)}-${suffix}`
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const next = `${base}-${String(n)}`
    if (!taken.has(next)) return next
  }
}
