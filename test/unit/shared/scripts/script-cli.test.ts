import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')
const run = async (args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/script-cli.ts', ...args],
      { cwd: root }
    )
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string }
    return { code: failed.code, stdout: failed.stdout }
  }
}

describe('npm run script -- validate', () => {
  it('exits 0 on a sample, 1 on a broken or unreadable script (with file:line), 2 on bad usage', async () => {
    const missing = await run(['validate', 'resources/scripts/survey-does-not-exist.yaml'])
    expect(missing.code).toBe(1)
    const samples = await run(['validate', 'resources/scripts/satisfaction-survey.yaml'])
    expect(samples).toMatchObject({ code: 0 })
    const broken = await run(['validate', 'test/fixtures/scripts/broken/dead-end.yaml'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('dead-end.yaml:13:5  dead_end [stuck]')
    const json = await run(['validate', '--json', 'test/fixtures/scripts/broken/cycle.yaml'])
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      files: [{ issues: [{ code: 'cycle_without_exit', nodeId: 'again', line: 13 }] }]
    })
    expect((await run([])).code).toBe(2)
  }, 30_000)
})
