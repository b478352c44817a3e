/**
 * One rendered line of a practice customer (a WAV) from the server, as bytes. Best effort: the
 * desk shows the line as text whatever happens, so a line not rendered (404: the server has no
 * espeak-ng, or has not got to it yet), a server away or any other answer is `null`, never an
 * error for the trainee to read.
 */
import { practiceAudioPath } from '@shared/practice/practice-audio'

import { authorizedGet, serverUrl, type AnalyticsFetchOptions } from '../analytics/authorized-get'

/** Far above a spoken line (about 44 kB a second); a bigger answer is not a line. */
const MAX_WAV_BYTES = 16 * 1024 * 1024

export async function fetchPracticeAudio(
  options: AnalyticsFetchOptions,
  key: string
): Promise<ArrayBuffer | null> {
  const url = serverUrl(options.serverUrl, practiceAudioPath(key))
  try {
    const response = await authorizedGet(options, url)
    if (!response.ok) return null
    if (!(response.headers.get('content-type') ?? '').startsWith('audio/')) return null
    const bytes = await response.arrayBuffer()
    return bytes.byteLength > 0 && bytes.byteLength <= MAX_WAV_BYTES ? bytes : null
  } catch {
    return null
  }
}
