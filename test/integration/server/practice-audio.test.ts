/**
 * The simulated customer's voice on the server (issue 20): every published scenario's lines
 * rendered at start, a newly published version's lines rendered in the background after the
 * publish answered, one line's WAV read by anyone signed in under its content address, cacheable;
 * a hostile line rendered as words (never reaching a shell); a server without espeak-ng renders
 * nothing, says so once and answers 404.
 *
 * The rendering cases need Debian's `espeak-ng` (scripts/install-system-deps.sh installs it);
 * without it they are skipped, and the rest still runs.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { afterAll, beforeAll, expect, it } from 'vitest'

import type { ZodApp } from '@server/http/route-context'
import { espeakEngine } from '@server/practice/espeak'
import { PracticeAudioRenderer, type PracticeAudioLog } from '@server/practice/practice-audio'
import { renderPublishedScenarios } from '@server/practice/practice-audio-routes'
import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import { resourceDir } from '@server/resource-dir'
import type { Language } from '@shared/domain/customer'
import { practiceAudioKey, practiceAudioPath, type Sha256 } from '@shared/practice'
import { describeOnEngines } from '@support/engine-suite'
import { buildTestApp, login } from '../../support/server-app'

const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0
const NO_ESPEAK = 'espeak-ng is not installed (scripts/install-system-deps.sh installs it)'

const sha256: Sha256 = (bytes) => Promise.resolve(createHash('sha256').update(bytes).digest())
const keyOf = (language: Language, text: string) => practiceAudioKey(language, text, sha256)

const PWNED = '/tmp/atiende-practice-audio-pwned'
/** A line a hostile trainer might write: options, quotes, shell syntax, markup. */
const HOSTILE = `-v en --stdout "; touch ${PWNED}; $(touch ${PWNED}) \`touch ${PWNED}\` <speak>&amp;`

function collectingLog(): PracticeAudioLog & { messages: string[] } {
  const messages: string[] = []
  return {
    messages,
    info: (_details, message) => messages.push(message),
    warn: (_details, message) => messages.push(message)
  }
}

/** The unknown-caller sample as a new scenario whose first line is `line`. */
function scenarioSaying(id: string, line: string): string {
  const source = readFileSync(
    join(resourceDir('practice-scenarios') ?? '', 'unknown-caller.yaml'),
    'utf8'
  )
  return source
    .replace(/^id: unknown-caller$/m, `id: ${id}`)
    .replace('- es: Hola, me llamo Pablo. No soy cliente todavía.', `- es: ${JSON.stringify(line)}`)
}

function expectCompleteWav(body: Buffer): void {
  expect(body.subarray(0, 4).toString('latin1')).toBe('RIFF')
  expect(body.subarray(8, 12).toString('latin1')).toBe('WAVE')
  // The streaming sizes espeak-ng writes are filled in from the bytes.
  expect(body.readUInt32LE(4)).toBe(body.length - 8)
  expect(body.length).toBeGreaterThan(1000)
}

describeOnEngines('practice audio on %s', { app: false }, ({ database }) => {
  let app: ZodApp
  let renderer: PracticeAudioRenderer
  const log = collectingLog()
  const tokens: Record<string, string> = {}
  const get = (key: string, name: string | null = 'ana') =>
    app.inject({
      method: 'GET',
      url: practiceAudioPath(key),
      headers: name === null ? {} : { authorization: `Bearer ${tokens[name] ?? ''}` }
    })

  beforeAll(async () => {
    rmSync(PWNED, { force: true })
    renderer = new PracticeAudioRenderer(database.db, espeakEngine(), log)
    app = await buildTestApp(database.db, { practiceAudio: renderer })
    for (const name of ['ana', 'tomas']) tokens[name] = (await login(app, name)).accessToken
    await seedPracticeScenarios(database.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it.skipIf(!hasEspeak)(
    `renders the published scenarios at start, in both languages${hasEspeak ? '' : ` (skipped: ${NO_ESPEAK})`}`,
    async () => {
      const first = await renderPublishedScenarios(database.db, renderer)
      expect(first.rendered).toBeGreaterThan(20)
      expect(first.failed).toBe(0)
      for (const [language, text] of [
        ['es', 'Hola, me llamo Pablo. No soy cliente todavía.'],
        ['en', 'Hello, my name is Pablo. I am not a customer yet.']
      ] as const) {
        const answer = await get(await keyOf(language, text))
        expect(answer.statusCode).toBe(200)
        expect(answer.headers['content-type']).toBe('audio/wav')
        expect(answer.headers['cache-control']).toContain('immutable')
        expectCompleteWav(answer.rawPayload)
      }
      // Rendered once: a second start renders nothing new.
      const again = await renderPublishedScenarios(database.db, renderer)
      expect(again).toEqual({ rendered: 0, present: first.rendered, failed: 0 })
    }
  )

  it.skipIf(!hasEspeak)(
    `renders a published version’s new lines after the publish answered; a hostile line is words${hasEspeak ? '' : ` (skipped: ${NO_ESPEAK})`}`,
    async () => {
      const upload = await app.inject({
        method: 'POST',
        url: '/api/practice-scenarios',
        headers: { authorization: `Bearer ${tokens['tomas'] ?? ''}` },
        payload: { source: scenarioSaying('audio-hostile-line', HOSTILE) }
      })
      expect(upload.statusCode, upload.body).toBe(201)
      const key = await keyOf('es', HOSTILE)
      // A draft is not rendered: a trainee never hears it.
      expect((await get(key)).statusCode).toBe(404)
      const publish = await app.inject({
        method: 'POST',
        url: '/api/practice-scenarios/audio-hostile-line/1/publish',
        headers: { authorization: `Bearer ${tokens['tomas'] ?? ''}` }
      })
      expect(publish.statusCode).toBe(200)
      await renderer.idle()
      const answer = await get(key)
      expect(answer.statusCode).toBe(200)
      expectCompleteWav(answer.rawPayload)
      expect(existsSync(PWNED)).toBe(false)
    }
  )

  it('answers 404 for a line not rendered, 400 for a key of the wrong shape, 401 without a token', async () => {
    expect((await get('0'.repeat(64))).statusCode).toBe(404)
    expect((await get('0'.repeat(64))).json<{ error: { code: string } }>().error.code).toBe(
      'not_found'
    )
    for (const bad of ['A'.repeat(64), 'abc', '..%2F..%2Fetc%2Fpasswd', `${'0'.repeat(64)}.wav`]) {
      expect((await get(bad)).statusCode, bad).toBe(400)
    }
    expect((await get('0'.repeat(64), null)).statusCode).toBe(401)
  })

  it('renders nothing without espeak-ng, says so once, and the desk gets 404', async () => {
    const quiet = collectingLog()
    const absent = new PracticeAudioRenderer(
      database.db,
      espeakEngine({ binary: '/nonexistent/espeak-ng' }),
      quiet
    )
    const source = scenarioSaying('audio-no-engine', 'Una frase que nadie pronunció.')
    const other = await buildTestApp(database.db, { practiceAudio: absent })
    try {
      const headers = { authorization: `Bearer ${tokens['tomas'] ?? ''}` }
      const upload = await other.inject({
        method: 'POST',
        url: '/api/practice-scenarios',
        headers,
        payload: { source }
      })
      expect(upload.statusCode, upload.body).toBe(201)
      const publish = await other.inject({
        method: 'POST',
        url: '/api/practice-scenarios/audio-no-engine/1/publish',
        headers
      })
      expect(publish.statusCode).toBe(200)
      await absent.idle()
      await renderPublishedScenarios(database.db, absent)
      expect(quiet.messages).toEqual([
        'espeak-ng is not installed: practice customers speak as text only'
      ])
      expect((await get(await keyOf('es', 'Una frase que nadie pronunció.'))).statusCode).toBe(404)
    } finally {
      await other.close()
    }
  })
})
