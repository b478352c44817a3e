/**
 * A full floor through the real transport: the extra agents a server seeds with
 * `ATIENDE_SEED_FLOOR_AGENTS` (`floor01`…) log in over HTTP from the test process, each opens the
 * realtime WebSocket a desk opens, and publishes a presence — every state and trouble the floor
 * shows (calls with customers of each value tier, held lines, a colleague, wrap-ups, pauses with
 * reasons and one over its limit, a raised hand, a missed call, a broken phone, script steps).
 * The server stamps, scopes and fans them out to the lead exactly as it does for real desks.
 */
import { floorAgentUsername } from '@server/seed/floor-agents'
import type { DeskPresence, PresenceCall } from '@shared/presence/presence'
import { tokenResponseSchema } from '@shared/sync/auth'
import { RealtimeClient } from '@support/realtime-client'
import { deskPresence } from '@support/desk-presence'

type Build = (ago: (ms: number) => string) => Partial<DeskPresence>

const MIN = 60_000

const call = (
  ago: (ms: number) => string,
  answeredAgo: number,
  over: Partial<PresenceCall> = {}
): PresenceCall => ({
  id: `floor-call-${String(answeredAgo)}`,
  direction: 'inbound',
  practice: false,
  number: '+34 91 555 01 23',
  party: 'customer',
  customerId: null,
  name: 'Juan Pérez',
  valueTier: 'standard',
  phase: 'active',
  startedAt: ago(answeredAgo + 8_000),
  answeredAt: ago(answeredAgo),
  otherLines: 0,
  ...over
})

const script = (step: string, nodeId: string): DeskPresence['script'] => ({
  scriptId: 'retention',
  version: 3,
  nodeId,
  stepTitle: step,
  jumps: [
    { id: 'offer', label: 'Oferta de retención' },
    { id: 'close', label: 'Cierre' }
  ]
})

const onCall = (ago: (ms: number) => string, answeredAgo: number, c: Partial<PresenceCall>) => ({
  state: 'on_call' as const,
  since: ago(answeredAgo),
  call: call(ago, answeredAgo, c)
})

const paused = (ago: (ms: number) => string, reason: string, forMs: number) => ({
  state: 'not_ready' as const,
  pauseReason: reason,
  since: ago(forMs)
})

/** One desk per seeded agent, in order: `floor01` gets the first. */
export const floorDesks: readonly Build[] = [
  (ago) => ({
    ...onCall(ago, 95_000, { name: 'Juan Pérez', valueTier: 'high_yield' }),
    script: script('Verificar identidad', 'verify')
  }),
  (ago) => ({
    ...onCall(ago, 4 * MIN, {
      direction: 'outbound',
      name: 'Construcciones Rivera S.L.',
      valueTier: 'standard'
    }),
    script: script('Oferta de retención', 'offer')
  }),
  (ago) => ({
    ...onCall(ago, 6 * MIN, {
      name: 'María López',
      valueTier: 'high_potential',
      phase: 'held',
      otherLines: 1
    })
  }),
  (ago) => ({
    state: 'wrap_up',
    since: ago(40_000),
    wrapUpSince: ago(40_000),
    lastDisposition: { code: 'resolved', at: ago(40_000) }
  }),
  (ago) => paused(ago, 'break', 5 * MIN),
  // The long name, on a call running long (over the default 15 minutes).
  (ago) => ({
    ...onCall(ago, 21 * MIN, { name: 'Pedro Sánchez', valueTier: 'below_zero' }),
    script: script('Resumen y cierre', 'summary')
  }),
  (ago) => ({ since: ago(3 * MIN), handRaisedAt: ago(70_000) }),
  (ago) => ({ since: ago(8 * MIN), lastMissedCallAt: ago(2 * MIN) }),
  (ago) => ({
    ...paused(ago, 'phone_problem', 4 * MIN),
    phone: { line: 'unregistered', problems: ['not_registered'] }
  }),
  (ago) => paused(ago, 'break', 22 * MIN),
  (ago) => ({
    ...onCall(ago, 3 * MIN, {
      party: 'colleague',
      name: 'Bruno Salas',
      number: '1002',
      valueTier: null
    })
  }),
  // The hostile name, on a call nobody was matched for: the number shows.
  (ago) => ({
    ...onCall(ago, 50_000, {
      party: 'unknown',
      name: null,
      valueTier: null,
      number: '600 11 22 33'
    })
  }),
  (ago) => ({ state: 'wrap_up', since: ago(3 * MIN), wrapUpSince: ago(3 * MIN) }),
  (ago) => ({ since: ago(12 * MIN), lastDisposition: { code: 'resolved', at: ago(12 * MIN) } }),
  (ago) => paused(ago, 'lunch', 25 * MIN),
  (ago) => ({
    ...onCall(ago, 7 * MIN, { name: 'Lucía Gómez', valueTier: 'high_yield' }),
    pauseAfterCall: 'break',
    script: script('Diagnóstico', 'diagnosis')
  }),
  (ago) => ({ since: ago(30_000) }),
  (ago) => paused(ago, 'training', 40 * MIN),
  (ago) => ({
    ...onCall(ago, 0, { phase: 'ringing', answeredAt: null, name: 'Ana Belén Torres' })
  }),
  (ago) => ({ since: ago(90_000), phone: { line: 'registered', problems: ['microphone_denied'] } }),
  (ago) => ({
    ...onCall(ago, 0, {
      direction: 'outbound',
      phase: 'dialing',
      answeredAt: null,
      name: 'Talleres Ibáñez',
      valueTier: 'high_potential'
    })
  }),
  (ago) => ({ since: ago(2 * MIN), handRaisedAt: ago(15_000), lastMissedCallAt: ago(5 * MIN) }),
  (ago) => paused(ago, 'meeting', 10 * MIN),
  (ago) => ({
    ...onCall(ago, 2 * MIN, { practice: true, name: 'José García', valueTier: 'standard' }),
    script: script('Saludo', 'greeting')
  })
]

/**
 * The presence of the `i`-th desk (0-based): its times are reckoned back from `base`, and it is
 * sent at `sentAt` (a heartbeat keeps `base` and moves `sentAt`), both by the desk's clock.
 */
export function floorPresence(i: number, base = Date.now(), sentAt = base): DeskPresence {
  const now = base
  const ago = (ms: number) => new Date(now - ms).toISOString()
  const build = floorDesks[i % floorDesks.length] ?? (() => ({}))
  return {
    ...deskPresence(ago(60_000)),
    ...build(ago),
    sentAt: new Date(sentAt).toISOString()
  }
}

/** The seeded agents' desks, connected to one server and publishing. */
export class FloorDeskSockets {
  #beat: ReturnType<typeof setInterval> | null = null
  /** When the desks' states began is reckoned from here, so every beat says the same. */
  readonly #base = Date.now()

  private constructor(private readonly clients: readonly RealtimeClient[]) {}

  /** Logs `floor01`…`floor<count>` in at `serverUrl` and opens each one's realtime socket. */
  static async open(serverUrl: string, count: number): Promise<FloorDeskSockets> {
    const ws = serverUrl.replace(/^http/, 'ws')
    const clients = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const response = await fetch(`${serverUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: floorAgentUsername(i + 1), password: 'atiende' })
        })
        if (!response.ok) throw new Error(`login ${floorAgentUsername(i + 1)}: ${response.status}`)
        const { accessToken } = tokenResponseSchema.parse(await response.json())
        const client = new RealtimeClient(`${ws}/api/realtime?token=${accessToken}`)
        await client.next((m) => m.type === 'hello')
        return client
      })
    )
    return new FloorDeskSockets(clients)
  }

  /** Every desk publishes its presence (what a desk does when it changes, and as its beat). */
  async publish(): Promise<void> {
    const now = Date.now()
    await Promise.all(
      this.clients.map((c, i) =>
        c.send({ type: 'presence', presence: floorPresence(i, this.#base, now) })
      )
    )
  }

  /**
   * Republishes every `ms` as heartbeats, for tests that outlast the server's expiry
   * (PRESENCE_EXPIRY_MS); a beat moves only `sentAt` on.
   */
  beat(ms: number): void {
    this.#beat ??= setInterval(() => {
      void this.publish()
    }, ms)
  }

  /** Each desk signs out (`presence:leave`: offline, never lost) and closes its socket. */
  async close(): Promise<void> {
    if (this.#beat) clearInterval(this.#beat)
    await Promise.all(this.clients.map((c) => c.send({ type: 'presence:leave' })))
    for (const c of this.clients) c.close()
  }
}
