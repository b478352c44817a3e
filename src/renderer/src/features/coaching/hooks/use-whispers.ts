/** The whisper lists from the local store, re-read whenever sync or a local write changes one. */
import type { LocalWhisper } from '@shared/contract/worker'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'

const WATCHED = ['whisper'] as const
const INBOX_LIMIT = 20

/** Whispers to me not yet acknowledged, newest first. */
export function useWhisperInbox(): LocalWhisper[] {
  return useWorkerQuery<LocalWhisper[]>(
    [],
    WATCHED,
    async () => {
      const result = await dataClient()?.send('whisper:inbox', { limit: INBOX_LIMIT })
      return result?.ok ? result.data.whispers : null
    },
    []
  )
}

/** The start of today on this computer, as the lead means "today". */
function startOfToday(): string {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString()
}

/** What was whispered to `agentId` today (by me or another lead of the team), newest first. */
export function useWhispersSentToday(agentId: string): LocalWhisper[] {
  return useWorkerQuery<LocalWhisper[]>(
    [],
    WATCHED,
    async () => {
      const result = await dataClient()?.send('whisper:sentTo', {
        agentId,
        since: startOfToday(),
        limit: 50
      })
      return result?.ok ? result.data.whispers : null
    },
    [agentId]
  )
}

/** The whispers of one call, oldest first. */
export function useCallWhispers(callId: string): LocalWhisper[] {
  return useWorkerQuery<LocalWhisper[]>(
    [],
    WATCHED,
    async () => {
      const result = await dataClient()?.send('whisper:forCall', { callId })
      return result?.ok ? result.data.whispers : null
    },
    [callId]
  )
}
