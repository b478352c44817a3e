/**
 * `GET /api/practice-scenarios/audio/:key`: one rendered line of a simulated customer (a WAV),
 * for anyone signed in. The key is the line's content address (`@shared/practice/practice-audio`),
 * so its answer never changes: the desk may cache it for good. 404 until it is rendered, and
 * always on a server without espeak-ng; the desk then shows the line as text alone.
 */
import { PRACTICE_AUDIO_PATH, practiceAudioParamsSchema, scenarioSchema } from '@shared/practice'
import type { Db } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { requireAuth } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import type { PracticeAudioRenderer } from './practice-audio'
import { publishedScenarioBodies, readPracticeAudio } from './practice-audio-store'

export function registerPracticeAudioRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    `${PRACTICE_AUDIO_PATH}/:key`,
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['practice'],
        description: 'One line of a practice customer as audio/wav; 404 until rendered.',
        params: practiceAudioParamsSchema
      }
    },
    async (request, reply) => {
      const wav = await readPracticeAudio(ctx.db, request.params.key)
      if (!wav) throw new HttpAppError('not_found', 'This line has no audio (yet)')
      return reply
        .type('audio/wav')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(wav)
    }
  )
}

/** At start: renders what is published and missing (the seeded samples, older versions). */
export async function renderPublishedScenarios(db: Db, renderer: PracticeAudioRenderer) {
  const scenarios = (await publishedScenarioBodies(db)).flatMap((body) => {
    // Written by the server from checked scenarios; one that no longer parses is skipped.
    const parsed = scenarioSchema.safeParse(body)
    return parsed.success ? [parsed.data] : []
  })
  return renderer.render(scenarios)
}
