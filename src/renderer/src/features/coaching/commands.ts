/**
 * Whisper commands through the data worker: journaled first (offline too), then synced. Each
 * answers the error's message for the person (the client words it in their language), or null
 * when it worked.
 */
import type { WhisperInput } from '@shared/domain/whisper'
import { dataClient } from '@renderer/data/data-client'

export async function sendWhisper(input: WhisperInput): Promise<string | null> {
  const result = await dataClient()?.send('whisper:send', input)
  if (!result) return 'unavailable'
  return result.ok ? null : result.error.message
}

export async function acknowledgeWhisper(id: string): Promise<string | null> {
  const result = await dataClient()?.send('whisper:acknowledge', { id })
  return result && !result.ok ? result.error.message : null
}
