/**
 * A validator CLI's report of one file: its findings, or a single "cannot read" finding on line
 * 1 when the file cannot be read (missing, a folder, no permission), so one bad path never hides
 * the others' reports.
 */
import { readFileSync } from 'node:fs'

import type { LocatedFileReport, LocatedFinding } from '@shared/yaml/located-report'

export function readLocatedFile<T extends LocatedFinding>(
  file: string,
  check: (text: string) => T[],
  unreadable: (finding: LocatedFinding & { code: 'syntax' }) => T
): LocatedFileReport<T> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const finding = {
      code: 'syntax',
      message: `cannot read: ${message}`,
      line: 1,
      column: 1
    } as const
    return { file, issues: [unreadable(finding)] }
  }
  return { file, issues: check(text) }
}
