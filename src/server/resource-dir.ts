/** Where the server finds what ships beside it (seeded forms, sample scenarios, bundled scripts). */
import { existsSync } from 'node:fs'
import { dirname, join, parse } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A folder under resources/, found by walking up from this module: the same answer from the
 * sources (tsx) and from a bundle placed under the repository; null when there is none.
 */
export function resourceDir(
  name: string,
  from: string = dirname(fileURLToPath(import.meta.url))
): string | null {
  let dir = from
  for (;;) {
    const candidate = join(dir, 'resources', name)
    if (existsSync(candidate)) return candidate
    if (dir === parse(dir).root) return null
    dir = dirname(dir)
  }
}
