/**
 * The trainee's open role-play invitations (the trainee dials), kept in one place for the desk's
 * panel and the shell's notice. One watcher per signed-in agent reads them from the server (each
 * with its token) at start, whenever a `roleplay_invitation` change arrives (one opened, taken or
 * withdrawn) and when the realtime channel (re)connects (a desk that started offline pulls no
 * older change), and drops each one when it expires. Offline, the last list stands until then.
 */
import { create } from 'zustand'

import type { RoleplayInvitation } from '@shared/practice/roleplay'
import type { DataClient } from '@renderer/data/worker-client'
import type { TrainingApi } from '../training-progress'

export const useInvitations = create<{ open: RoleplayInvitation[] }>(() => ({ open: [] }))

const unexpired = (list: readonly RoleplayInvitation[], now: number): RoleplayInvitation[] =>
  list.filter((i) => Date.parse(i.expiresAt) > now)

export function watchRoleplayInvitations(
  api: Pick<TrainingApi, 'roleplayInvitations'>,
  client: Pick<DataClient, 'listen'> | null,
  now: () => number = Date.now
): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const show = (list: RoleplayInvitation[]) => {
    const open = unexpired(list, now())
    useInvitations.setState({ open })
    clearTimeout(timer)
    if (open.length === 0) return
    const next = Math.min(...open.map((i) => Date.parse(i.expiresAt)))
    timer = setTimeout(
      () => {
        show(useInvitations.getState().open)
      },
      Math.max(0, next - now()) + 50
    )
  }
  // Reads may overlap (two pokes in a row): only the latest one's answer is shown.
  let reads = 0
  const read = async () => {
    const mine = ++reads
    const outcome = await api.roleplayInvitations()
    if (!stopped && mine === reads && outcome.ok) show(outcome.data)
  }
  void read()
  const unlisten = client?.listen('data:changed', ({ entities }) => {
    if (entities.includes('roleplay_invitation')) void read()
  })
  let live = false
  const unlistenStatus = client?.listen('sync:status-changed', ({ isLive }) => {
    if (isLive && !live) void read()
    live = isLive
  })
  return () => {
    stopped = true
    clearTimeout(timer)
    unlisten?.()
    unlistenStatus?.()
    useInvitations.setState({ open: [] })
  }
}
