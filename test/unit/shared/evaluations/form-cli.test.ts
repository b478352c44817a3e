import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')
const run = async (args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/form-cli.ts', ...args],
      { cwd: root }
    )
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string }
    return { code: failed.code, stdout: failed.stdout }
  }
}

describe('npm run form -- validate', () => {
  it('exits 0 on the seeded form, 1 on a broken or missing one (with file:line), 2 on bad usage', async () => {
    expect(
      await run(['validate', 'resources/evaluation-forms/service-quality.yaml'])
    ).toMatchObject({ code: 0 })
    const broken = await run([
      'validate',
      'test/fixtures/evaluation-forms/broken/condition-on-later.yaml'
    ])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('condition-on-later.yaml:13:29  bad_condition [first]')
    const json = await run(['validate', '--json', 'test/fixtures/evaluation-forms/nope.yaml'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, files: [{ issues: [{ line: 1 }] }] })
    expect((await run(['validate'])).code).toBe(2)
  }, 30_000)
})
