import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { root } from './support'

const run = async (args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/scenario-cli.ts', ...args],
      { cwd: root }
    )
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string }
    return { code: failed.code, stdout: failed.stdout }
  }
}

describe('npm run scenario -- validate', () => {
  it('exits 0 on the samples, 1 on a broken or missing file (with file:line:col), 2 on bad usage', async () => {
    const samples = await run([
      'validate',
      'resources/practice-scenarios/win-back-high-value.yaml',
      'resources/practice-scenarios/unknown-caller.yaml'
    ])
    expect(samples).toMatchObject({ code: 0 })
    expect(samples.stdout).toContain('2 scenario(s) valid')
    const broken = await run([
      'validate',
      'test/fixtures/practice-scenarios/broken/unknown-jump.yaml'
    ])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain(
      'unknown-jump.yaml:53:15  unknown_jump [objection-delivery]  "objection-delivery" is not a jump of the script'
    )
    const json = await run(['validate', '--json', 'test/fixtures/practice-scenarios/nope.yaml'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, files: [{ issues: [{ line: 1 }] }] })
    expect((await run(['validate'])).code).toBe(2)
  }, 30_000)
})
