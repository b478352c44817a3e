// Prints CI's one summary line from the test log: vitest's "Tests  N passed" lines and
// Playwright's "N passed"/"N failed" lines, added up.
import { readFileSync } from 'node:fs'

const [logFile = '', status = '1', seconds = '0'] = process.argv.slice(2)
// eslint-disable-next-line no-control-regex
const text = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
for (const line of text.split('\n')) {
  const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line)
  const playwright = /^\s+(\d+) (passed|failed|flaky)\b/.exec(line)
  if (vitest) {
    passed += Number(/(\d+) passed/.exec(vitest[1] ?? '')?.[1] ?? 0)
    failed += Number(/(\d+) failed/.exec(vitest[1] ?? '')?.[1] ?? 0)
  } else if (playwright) {
    if (playwright[2] === 'passed') passed += Number(playwright[1])
    else failed += Number(playwright[1])
  }
}
// A failing step that ran no tests (lint, typecheck, build) still counts as a failure.
if (status !== '0' && failed === 0) failed = 1
process.stdout.write(
  `\nCI finished in ${seconds}s (exit ${status})\n${passed} passed, ${failed} failed\n`
)
