import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { expect, it } from 'vitest'

import { uploadScript } from '@scripts/script-upload'
import { DEMO_PASSWORD, login, pullAll, syncHeaders } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

const sample = readFileSync(
  resolve(import.meta.dirname, '../../../resources/scripts/satisfaction-survey.yaml'),
  'utf8'
)
const asVersion = (version: number) =>
  sample.replace(/^version: \d+$/m, `version: ${String(version)}`)

describeOnEngines('script versions on %s', {}, ({ app }) => {
  const upload = async (token: string, source: string) =>
    app.inject({
      method: 'POST',
      url: '/api/scripts',
      headers: syncHeaders(token),
      payload: { source }
    })
  const publish = async (token: string, scriptId: string, version: number) =>
    app.inject({
      method: 'POST',
      url: `/api/scripts/${scriptId}/versions/${String(version)}/publish`,
      headers: syncHeaders(token)
    })

  it('refuses a broken script with every finding and its line, and stores nothing', async () => {
    const tomas = await login(app, 'tomas')
    const broken = sample.replace('next: intro-route', 'next: nowhere')
    const response = await upload(tomas.accessToken, broken)
    expect(response.statusCode).toBe(400)
    const body = response.json<{
      error: { code: string; details: { issues: { nodeId: string; line: number }[] } }
    }>()
    expect(body.error.code).toBe('invalid_argument')
    const finding = body.error.details.issues.find((i) => i.nodeId === 'intro')
    expect(finding?.line).toBe(
      sample.split('\n').findIndex((l) => l.includes('next: intro-route')) + 1
    )
    const list = await app.inject({
      method: 'GET',
      url: '/api/scripts',
      headers: syncHeaders(tomas.accessToken)
    })
    expect(list.json<{ versions: unknown[] }>().versions).toEqual([])
  })

  it('lets trainers and admins upload drafts and publish them; only published versions reach clients', async () => {
    const tomas = await login(app, 'tomas')
    const ana = await login(app, 'ana')
    expect((await upload(ana.accessToken, asVersion(2))).statusCode).toBe(403)

    const draft = await upload(tomas.accessToken, asVersion(2))
    expect(draft.statusCode).toBe(201)
    expect(draft.json()).toMatchObject({
      scriptId: 'satisfaction-survey',
      version: 2,
      status: 'draft'
    })
    expect((await upload(tomas.accessToken, asVersion(2))).statusCode).toBe(409)

    const before = await pullAll(app, ana.accessToken)
    expect(before.changes.filter((c) => c.entity === 'script')).toEqual([])

    expect((await publish(ana.accessToken, 'satisfaction-survey', 2)).statusCode).toBe(403)
    expect((await publish(tomas.accessToken, 'satisfaction-survey', 9)).statusCode).toBe(404)
    const published = await publish(tomas.accessToken, 'satisfaction-survey', 2)
    expect(published.statusCode).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published' })

    const after = await pullAll(app, ana.accessToken, before.cursor)
    const scripts = after.changes.flatMap((c) => (c.entity === 'script' ? [c.data] : []))
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toMatchObject({ scriptId: 'satisfaction-survey', version: 2 })
    expect(scripts[0]?.source).toBe(asVersion(2))
  })

  it('the CLI uploads and publishes, and prints the findings of a broken file', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const dir = mkdtempSync(join(tmpdir(), 'atiende-upload-'))
    try {
      const good = join(dir, 'survey.yaml')
      writeFileSync(good, asVersion(3))
      const options = { server: address, user: 'admin', password: DEMO_PASSWORD, publish: true }
      expect(await uploadScript({ ...options, file: good })).toEqual([
        'uploaded satisfaction-survey v3 as a draft',
        'published satisfaction-survey v3'
      ])
      const bad = join(dir, 'bad.yaml')
      writeFileSync(bad, asVersion(4).replace('next: intro-route', 'next: nowhere'))
      await expect(uploadScript({ ...options, file: bad })).rejects.toThrow(
        /upload refused: The script has problems\n {2}line \d+:\d+ {2}\w+ \[intro\]/
      )
      await expect(uploadScript({ ...options, file: good, password: 'wrong' })).rejects.toThrow(
        /^login failed/
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses an oversized upload with a 4xx, never a 5xx', async () => {
    const admin = await login(app, 'admin')
    const response = await upload(admin.accessToken, `# ${'x'.repeat(300 * 1024)}\n${sample}`)
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
  })
})
