/**
 * Publishes the desk's live presence for the session: whenever what a lead would see changes
 * (debounced, so a burst of store updates is one frame), through the data worker, which sends
 * it on the realtime socket and repeats it as the heartbeat.
 */
import { dataClient } from '@renderer/data/data-client'
import { useAppStore, type AppState } from '@renderer/stores/app-store'
import { deskPresenceOf, floorStateOf, type PresenceMemory } from './desk-presence'

/** Store updates come in bursts (a ring updates phone, pop and script within a few ms). */
const DEBOUNCE_MS = 150

function shown(s: AppState, memory: PresenceMemory): string {
  return JSON.stringify({ ...deskPresenceOf(s, memory, new Date(0)), sentAt: '' })
}

/** Starts publishing; returns the function that stops it (logout, unmount). */
export function publishDeskPresence(): () => void {
  const start = useAppStore.getState()
  const first = floorStateOf(start)
  const memory: PresenceMemory = {
    since:
      first.state === start.agent.availability.kind
        ? start.agent.availability.since
        : new Date().toISOString(),
    lastMissedCallAt: null
  }
  let lastState = first
  let lastPhase = start.phone.phase
  let lastAnswered = start.phone.answeredAt
  let lastShown = ''
  let timer: ReturnType<typeof setTimeout> | null = null

  const send = (): void => {
    timer = null
    const s = useAppStore.getState()
    const text = shown(s, memory)
    if (text === lastShown) return
    lastShown = text
    void dataClient()?.send('presence:publish', deskPresenceOf(s, memory, new Date()))
  }
  const soon = (): void => {
    timer ??= setTimeout(send, DEBOUNCE_MS)
  }

  const unsubscribe = useAppStore.subscribe((s) => {
    const state = floorStateOf(s)
    if (state.state !== lastState.state || state.pause !== lastState.pause) {
      memory.since = new Date().toISOString()
      lastState = state
    }
    // A call that rang and stopped without being answered is a missed call for the floor.
    const ended = s.phone.phase === 'idle' || s.phone.phase === 'wrap_up'
    if (lastPhase === 'ringing' && ended && lastAnswered === null && s.phone.answeredAt === null) {
      memory.lastMissedCallAt = new Date().toISOString()
    }
    lastPhase = s.phone.phase
    lastAnswered = s.phone.answeredAt
    soon()
  })
  send()
  return () => {
    unsubscribe()
    if (timer) clearTimeout(timer)
  }
}
