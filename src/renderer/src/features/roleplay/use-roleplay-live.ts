/**
 * Polls the trainee's live step while the trainer's console is open: the floor's presence,
 * widened by the server to this trainer for this role-play only. Every two seconds is enough
 * to follow someone reading a script, and costs the server one small read.
 */
import { useEffect, useState } from 'react'

import type { RoleplayLive } from '@shared/practice/roleplay'
import type { TrainingApi } from '../training-progress'

export const LIVE_POLL_MS = 2000

export type LiveView =
  { state: 'waiting' } | { state: 'offline' } | { state: 'ready'; live: RoleplayLive }

export function useRoleplayLive(api: TrainingApi, roleplayId: string | null): LiveView {
  const [view, setView] = useState<{ id: string; view: LiveView } | null>(null)
  useEffect(() => {
    if (roleplayId === null) return
    let current = true
    const read = async () => {
      const outcome = await api.roleplayLive(roleplayId)
      if (!current) return
      setView({
        id: roleplayId,
        view: outcome.ok ? { state: 'ready', live: outcome.data } : { state: 'offline' }
      })
    }
    void read()
    const timer = setInterval(() => void read(), LIVE_POLL_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [api, roleplayId])
  return view?.id === roleplayId ? view.view : { state: 'waiting' }
}
