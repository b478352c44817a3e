/**
 * The trainee's open role-play invitations, read from the server (each with its token) when the
 * desk starts and whenever a `roleplay_invitation` change arrives (one opened, taken or
 * withdrawn). An invitation drops off on its own when it expires. Agents only: nobody else is
 * invited.
 */
import { useEffect, useState } from 'react'

import type { RoleplayInvitation } from '@shared/practice/roleplay'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import type { TrainingApi } from '../training-progress'

const open = (list: readonly RoleplayInvitation[], now: number): RoleplayInvitation[] =>
  list.filter((i) => Date.parse(i.expiresAt) > now)

export function useRoleplayInvitations(api: TrainingApi): RoleplayInvitation[] {
  const isAgent = useAppStore((s) => s.auth.user?.role === 'agent')
  const [invitations, setInvitations] = useState<RoleplayInvitation[]>([])
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!isAgent) return
    return dataClient()?.listen('data:changed', ({ entities }) => {
      if (entities.includes('roleplay_invitation')) setVersion((v) => v + 1)
    })
  }, [isAgent])
  useEffect(() => {
    if (!isAgent) return
    let live = true
    void api.roleplayInvitations().then((outcome) => {
      // Offline, the last list stands: it expires on its own.
      if (live && outcome.ok) setInvitations(open(outcome.data, Date.now()))
    })
    return () => {
      live = false
    }
  }, [api, isAgent, version])
  // The next expiry takes that invitation off the desk.
  useEffect(() => {
    if (invitations.length === 0) return
    const next = Math.min(...invitations.map((i) => Date.parse(i.expiresAt)))
    const timer = setTimeout(
      () => {
        setInvitations((list) => open(list, Date.now()))
      },
      Math.max(0, next - Date.now()) + 50
    )
    return () => {
      clearTimeout(timer)
    }
  }, [invitations])
  return isAgent ? invitations : []
}
