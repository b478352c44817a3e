/**
 * The softphone's line to the SIP proxy: a SIP.js UserAgent over WebSocket plus a Registerer,
 * kept registered through transport loss, rejections and server outages.
 *
 * @remarks
 * Registration states:
 * ```
 *   Stopped ──start──▶ Connecting ──REGISTER 200──▶ Registered
 *                        ▲    │                         │
 *                        │    └─fail: wait backoff──┐   │ transport lost / refresh failed
 *                        └──────next server─────────┴───┘
 * ```
 * Every failed attempt moves to the next WebSocket server in the list (failover, round robin)
 * after an exponential backoff with full jitter, so a whole floor of agents does not reconnect
 * in step after an outage. SIP.js's own reconnection is off: one loop owns retries.
 */
import { Invitation, Inviter, Registerer, RegistererState, SIPExtension, UserAgent } from 'sip.js'

import type { IceServer } from '@shared/domain/sip-account'
import { MONITOR_GRANT_HEADER } from '@shared/monitoring/monitoring'
import { ROLEPLAY_HEADER } from '@shared/practice/roleplay'
import { backoffDelay, type BackoffOptions } from '@shared/retry/backoff'
import type { PracticeCallScenario } from './call-session'
import { SipCall, type OutboundOptions } from './sip-call'
import { dialTarget, domainOf } from './sip-headers'
import { createSessionDescriptionHandlerFactory } from './sip-media'

export enum RegistrationState {
  Stopped = 'stopped',
  Connecting = 'connecting',
  Registered = 'registered',
  Unregistered = 'unregistered'
}

export interface RegistrationStatus {
  state: RegistrationState
  /** The server in use or being tried. */
  server: string | null
  /** Why the phone is not registered (last error), null when registered. */
  reason: string | null
}

/** What the user agent needs; the password never leaves memory. */
export interface SipUserAgentAccount {
  uri: string
  displayName: string
  authUser: string
  password: string
  wsServers: readonly string[]
  iceServers: readonly IceServer[]
}

export interface SipUserAgentDelegate {
  onRegistrationChange?(status: RegistrationStatus): void
  onIncomingCall?(call: SipCall): void
  /**
   * A lead's monitoring INVITE (it carries {@link MONITOR_GRANT_HEADER}): never a phone line, so
   * it never reaches {@link onIncomingCall}. Without this delegate it is refused (403).
   */
  onMonitorInvite?(invitation: Invitation): void
  /**
   * An INVITE carrying a role-play session ({@link ROLEPLAY_HEADER}): not a call until the desk
   * has verified and redeemed the session; then `ring` makes it one (practice, the persona's) and
   * hands it to {@link onIncomingCall}. Without this delegate it is refused (403).
   */
  onPracticeInvite?(invitation: Invitation, ring: (practice: PracticeCallScenario) => void): void
}

export interface SipUserAgentOptions {
  account: SipUserAgentAccount
  delegate: SipUserAgentDelegate
  /** Registration lifetime asked of the registrar. */
  expiresSeconds?: number
  backoff?: BackoffOptions
  /** `Math.random` outside tests. */
  random?: () => number
  /** The site's CTI header names, read on each INVITE (settings may change between calls). */
  ctiHeaderNames?: () => readonly string[]
}

/**
 * SIP.js waits for ICE gathering to finish before sending an offer; with host candidates only
 * (no STUN/TURN by default) gathering ends in milliseconds, and this bounds it when servers are
 * configured but slow.
 */
export const ICE_GATHERING_TIMEOUT_MS = 500
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 30_000 }

/** WebRTC's shape, with absent optional fields left out rather than set to undefined. */
export function toRtcIceServers(servers: readonly IceServer[]): RTCIceServer[] {
  return servers.map(({ urls, username, credential }) => ({
    urls,
    ...(username === undefined ? {} : { username }),
    ...(credential === undefined ? {} : { credential })
  }))
}

/** The server to try on attempt `attempt`, starting from the first in the list. */
export function serverForAttempt(servers: readonly string[], attempt: number): string | null {
  if (servers.length === 0) return null
  return servers[attempt % servers.length] ?? null
}

/** What {@link dispatchInvite} reads of an INVITE (an Invitation; a fake in unit tests). */
export interface DispatchedInvite {
  readonly request: { hasHeader(name: string): boolean }
  reject(options?: { statusCode?: number; reasonPhrase?: string }): Promise<void>
  progress(): Promise<unknown>
}

/**
 * A grant-bearing INVITE (a lead monitoring this desk) goes to `onMonitorInvite`, or is refused
 * 403 without one; it never becomes a phone call (no ring, no call waiting, no busy, no record),
 * and never gets a 180 Ringing either: it is answered or refused, nothing in between. Every other
 * INVITE is a call: 180 Ringing sent first (what SIP.js would send by itself, which the user
 * agent turns off for that reason), and the call handed to the call controller at once.
 */
export function dispatchInvite<I extends DispatchedInvite, C>(
  invitation: I,
  delegate: {
    onIncomingCall?(call: C): void
    onMonitorInvite?(invitation: I): void
    onPracticeInvite?(invitation: I, ring: (practice: PracticeCallScenario) => void): void
  },
  toCall: (invitation: I, practice?: PracticeCallScenario) => C
): void {
  if (invitation.request.hasHeader(MONITOR_GRANT_HEADER)) {
    if (delegate.onMonitorInvite) delegate.onMonitorInvite(invitation)
    else {
      const refusal = { statusCode: 403, reasonPhrase: 'Monitoring Not Supported' }
      void invitation.reject(refusal).catch(() => undefined)
    }
    return
  }
  // Second in the precedence: a role-play rings only once its session is verified.
  if (invitation.request.hasHeader(ROLEPLAY_HEADER)) {
    if (delegate.onPracticeInvite) {
      delegate.onPracticeInvite(invitation, (practice) => {
        invitation.progress().catch(() => undefined)
        delegate.onIncomingCall?.(toCall(invitation, practice))
      })
    } else {
      const refusal = { statusCode: 403, reasonPhrase: 'Practice Not Supported' }
      void invitation.reject(refusal).catch(() => undefined)
    }
    return
  }
  // The 180 leaves first; the call controller does not wait for it (the ring-to-pop path).
  invitation.progress().catch(() => undefined)
  delegate.onIncomingCall?.(toCall(invitation))
}

export class SipUserAgent {
  readonly #options: SipUserAgentOptions
  #ua: UserAgent | null = null
  #registerer: Registerer | null = null
  #status: RegistrationStatus = { state: RegistrationState.Stopped, server: null, reason: null }
  #attempt = 0
  #generation = 0
  #retryTimer: ReturnType<typeof setTimeout> | null = null

  constructor(options: SipUserAgentOptions) {
    this.#options = options
  }

  get status(): RegistrationStatus {
    return this.#status
  }

  /** Connects and registers, retrying until {@link stop}. */
  start(): void {
    if (this.#status.state !== RegistrationState.Stopped) return
    this.#attempt = 0
    void this.#connect()
  }

  /** Unregisters (best effort) and closes the transport; no more retries. */
  async stop(): Promise<void> {
    this.#generation++
    this.#clearRetry()
    const { ua, registerer } = { ua: this.#ua, registerer: this.#registerer }
    this.#ua = null
    this.#registerer = null
    this.#setStatus({ state: RegistrationState.Stopped, server: null, reason: null })
    if (registerer?.state === RegistererState.Registered) {
      await registerer.unregister().catch(() => undefined)
    }
    await ua?.stop().catch(() => undefined)
  }

  /** Skips the backoff wait, e.g. when the network came back or the machine woke up. */
  reconnectNow(): void {
    if (this.#status.state === RegistrationState.Registered) return
    if (this.#status.state === RegistrationState.Stopped) return
    this.#clearRetry()
    void this.#connect()
  }

  /**
   * After the machine slept: a line that still looks registered re-REGISTERs now (a dead
   * transport then fails it into the reconnect loop); one that is down reconnects at once.
   */
  checkAfterWake(): void {
    if (this.#status.state === RegistrationState.Registered) {
      const registerer = this.#registerer
      const generation = this.#generation
      registerer?.register().catch((error: unknown) => {
        this.#failed(generation, error instanceof Error ? error.message : String(error))
      })
      return
    }
    this.reconnectNow()
  }

  /** Calls `target` (an extension, an E.164 number or a SIP URI) on the current server. */
  async call(target: string, options: OutboundOptions = {}): Promise<SipCall> {
    const ua = this.#ua
    if (!ua || this.#status.state !== RegistrationState.Registered) {
      throw new Error('the phone is not registered')
    }
    return SipCall.outbound(ua, this.uriFor(target), options)
  }

  /**
   * An INVITE to `target` (a SIP URI) with `extraHeaders`, not sent yet: a lead's monitoring call,
   * which its owner drives; no phone line, no call record.
   */
  monitorInviter(target: string, extraHeaders: readonly string[]): Inviter {
    const ua = this.#ua
    if (!ua || this.#status.state !== RegistrationState.Registered) {
      throw new Error('the phone is not registered')
    }
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`not a SIP address: ${target}`)
    return new Inviter(ua, uri, {
      extraHeaders: [...extraHeaders],
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } }
    })
  }

  /** The SIP URI for an extension, an E.164 number or a SIP URI, at the account's domain. */
  uriFor(target: string): string {
    return dialTarget(target, domainOf(this.#options.account.uri))
  }

  async #connect(): Promise<void> {
    const generation = ++this.#generation
    await this.#teardown()
    const { account } = this.#options
    const server = serverForAttempt(account.wsServers, this.#attempt)
    if (!server) {
      this.#setStatus({ state: RegistrationState.Unregistered, server: null, reason: 'no server' })
      return
    }
    this.#setStatus({ state: RegistrationState.Connecting, server, reason: this.#status.reason })
    const ua = this.#createUserAgent(server, generation)
    this.#ua = ua
    try {
      await ua.start()
      if (generation !== this.#generation) return
      await this.#register(ua, generation)
    } catch (error) {
      this.#failed(generation, error instanceof Error ? error.message : String(error))
    }
  }

  #createUserAgent(server: string, generation: number): UserAgent {
    const { account } = this.#options
    const uri = UserAgent.makeURI(account.uri)
    if (!uri) throw new Error(`not a SIP address: ${account.uri}`)
    return new UserAgent({
      uri,
      displayName: account.displayName,
      authorizationUsername: account.authUser,
      authorizationPassword: account.password,
      transportOptions: { server, connectionTimeout: 5 },
      reconnectionAttempts: 0,
      logBuiltinEnabled: false,
      // dispatchInvite sends 180 Ringing to calls only: a monitoring INVITE never rings.
      sendInitialProvisionalResponse: false,
      // The target side of an attended transfer: an INVITE with Replaces takes over a call.
      sipExtensionReplaces: SIPExtension.Supported,
      // Warm microphone and prompt ICE: see sip-media.ts.
      sessionDescriptionHandlerFactory: createSessionDescriptionHandlerFactory(
        toRtcIceServers(account.iceServers)
      ),
      sessionDescriptionHandlerFactoryOptions: {
        // Always ours: SIP.js would otherwise add a public Google STUN server.
        peerConnectionConfiguration: { iceServers: toRtcIceServers(account.iceServers) },
        iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS
      },
      delegate: {
        onInvite: (invitation: Invitation) => {
          if (generation !== this.#generation) {
            void invitation.reject().catch(() => undefined)
          } else {
            dispatchInvite(invitation, this.#options.delegate, (inv, practice) =>
              SipCall.inbound(inv, this.#options.ctiHeaderNames?.() ?? [], practice)
            )
          }
        },
        onDisconnect: (error) => {
          this.#failed(generation, error ? error.message : 'connection closed')
        }
      }
    })
  }

  async #register(ua: UserAgent, generation: number): Promise<void> {
    const registerer = new Registerer(ua, {
      expires: this.#options.expiresSeconds ?? 300,
      // Refresh at 80% of the lifetime, leaving room for a retry before the binding lapses.
      refreshFrequency: 80
    })
    this.#registerer = registerer
    registerer.stateChange.addListener((state) => {
      if (generation !== this.#generation) return
      if (state === RegistererState.Registered) {
        this.#attempt = 0
        const server = this.#status.server
        this.#setStatus({ state: RegistrationState.Registered, server, reason: null })
      } else if (state === RegistererState.Unregistered) {
        this.#failed(generation, 'registration expired')
      }
    })
    await registerer.register({
      requestDelegate: {
        onReject: (response) => {
          const { statusCode, reasonPhrase } = response.message
          this.#failed(generation, `${statusCode} ${reasonPhrase}`)
        }
      }
    })
  }

  /** One attempt failed: say why, then try the next server after a jittered backoff. */
  #failed(generation: number, reason: string): void {
    if (generation !== this.#generation || this.#retryTimer) return
    const delay = backoffDelay(
      this.#attempt,
      this.#options.random ?? Math.random,
      this.#options.backoff ?? DEFAULT_BACKOFF
    )
    this.#attempt++
    const server = this.#status.server
    this.#setStatus({ state: RegistrationState.Unregistered, server, reason })
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      if (generation === this.#generation) void this.#connect()
    }, delay)
  }

  async #teardown(): Promise<void> {
    const ua = this.#ua
    this.#ua = null
    this.#registerer = null
    if (ua) await ua.stop().catch(() => undefined)
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#retryTimer = null
  }

  #setStatus(status: RegistrationStatus): void {
    this.#status = status
    this.#options.delegate.onRegistrationChange?.(status)
  }
}
