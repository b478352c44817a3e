/**
 * A real call over SIP.js, inbound ({@link Invitation}) or outbound ({@link Inviter}), behind the
 * same {@link CallSession} interface as a practice call, plus the in-call controls.
 */
import {
  Invitation,
  Inviter,
  SessionState,
  UserAgent,
  type Core,
  type Info,
  type Notification,
  type Referral,
  type Session,
  type Web
} from 'sip.js'

import {
  CallState,
  canTransition,
  type CallInfo,
  type CallSession,
  type CallSessionDelegate,
  type DtmfMethod,
  type EndedBy,
  type PracticeCallScenario
} from './call-session'
import { infoFor, type OutboundOptions, type SipCallExtras } from './sip-call-info'
import { applyTrackFlags, RemoteAudio, webHandler } from './sip-media'

export type { OutboundOptions } from './sip-call-info'

const AUDIO_ONLY = { constraints: { audio: true, video: false } }
const DTMF_TONE = /^[0-9A-D#*]$/
/** RFC 6086 leaves INFO DTMF unstandardised; this body is the widely supported draft's. */
const DTMF_INFO_DURATION_MS = 160
/** How long the transferee may take to reach the target before we leave the call anyway. */
const TRANSFER_OUTCOME_TIMEOUT_MS = 15_000

function describe(response: Core.IncomingResponse): string {
  return `${response.message.statusCode} ${response.message.reasonPhrase}`
}

/** Resolves when the request is accepted (2xx), rejects with the status line otherwise. */
function awaitAnswer(send: (delegate: Core.OutgoingRequestDelegate) => Promise<unknown>) {
  return new Promise<void>((resolve, reject) => {
    send({
      onAccept: () => {
        resolve()
      },
      onReject: (response) => {
        reject(new Error(describe(response)))
      }
    }).catch(reject)
  })
}

/** The digit in an INFO body: `Signal=5` (application/dtmf-relay) or `5` (application/dtmf). */
export function dtmfFromInfoBody(contentType: string, body: string): string | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase()
  const raw =
    type === 'application/dtmf-relay'
      ? /^\s*signal\s*=\s*(\S)/im.exec(body)?.[1]
      : type === 'application/dtmf'
        ? body.trim()
        : undefined
  const tone = raw?.toUpperCase()
  return tone !== undefined && DTMF_TONE.test(tone) ? tone : null
}

/** The outcome in a REFER NOTIFY body (`SIP/2.0 200 OK`): its status code, or null. */
export function sipfragStatus(body: string): number | null {
  const match = /^SIP\/2\.0\s+(\d{3})/.exec(body.trim())
  return match?.[1] === undefined ? null : Number(match[1])
}

export class SipCall implements CallSession {
  readonly info: CallInfo
  readonly #session: Session
  readonly #delegates = new Set<CallSessionDelegate>()
  readonly #audio = new RemoteAudio()
  #state: CallState
  #endedBy: EndedBy | null = null
  #muted = false
  #endReason: string | null = null

  private constructor(
    session: Session,
    direction: CallInfo['direction'],
    extras: SipCallExtras = {}
  ) {
    this.#session = session
    this.info = infoFor(session, direction, extras)
    this.#state = direction === 'inbound' ? CallState.Ringing : CallState.Dialing
    session.stateChange.addListener((state) => {
      this.#onSessionState(state)
    })
    session.delegate = {
      onRefer: (referral) => {
        this.#onRefer(referral)
      },
      onInfo: (info) => {
        this.#onInfo(info)
      }
    }
  }

  /**
   * Wraps an INVITE the user agent received; it rings until answered or declined.
   * `ctiHeaderNames` are the site's configured CTI headers, read besides the built-in ones.
   */
  static inbound(
    invitation: Invitation,
    ctiHeaderNames: readonly string[] = [],
    practice?: PracticeCallScenario
  ): SipCall {
    return new SipCall(invitation, 'inbound', {
      ctiHeaderNames,
      ...(practice === undefined ? {} : { practice })
    })
  }

  /** Calls `target` (a SIP URI) and resolves once the INVITE is sent. */
  static async outbound(
    ua: UserAgent,
    target: string,
    options: OutboundOptions = {}
  ): Promise<SipCall> {
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`not a SIP address: ${target}`)
    const inviter = new Inviter(ua, uri, {
      sessionDescriptionHandlerOptions: AUDIO_ONLY,
      ...(options.extraHeaders ? { extraHeaders: [...options.extraHeaders] } : {})
    })
    const call = new SipCall(
      inviter,
      'outbound',
      options.practice === undefined ? {} : { practice: options.practice }
    )
    await call.#invite(inviter)
    return call
  }

  async #invite(inviter: Inviter): Promise<void> {
    await inviter.invite({
      requestDelegate: {
        onReject: (response) => {
          this.#endReason = describe(response)
        }
      }
    })
  }

  get state(): CallState {
    return this.#state
  }

  /** Why the call ended without being answered (e.g. `486 Busy Here`), if it did. */
  get endReason(): string | null {
    return this.#endReason
  }

  get isMuted(): boolean {
    return this.#muted
  }

  async answer(): Promise<void> {
    if (!(this.#session instanceof Invitation)) throw new Error('only an inbound call is answered')
    this.#move(CallState.Connecting)
    await this.#session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY })
  }

  async decline(): Promise<void> {
    if (!(this.#session instanceof Invitation) || this.#state !== CallState.Ringing) {
      throw new Error(`cannot decline a call that is ${this.#state}`)
    }
    this.#endedBy = 'local'
    await this.#session.reject({ statusCode: 486, reasonPhrase: 'Busy Here' })
  }

  async hangup(): Promise<void> {
    this.#endedBy ??= 'local'
    const session = this.#session
    if (session.state === SessionState.Established) await session.bye()
    else if (session instanceof Inviter) await session.cancel()
    else if (session instanceof Invitation && session.state !== SessionState.Terminated) {
      await session.reject()
    }
  }

  async hold(): Promise<void> {
    if (this.#state !== CallState.Active)
      throw new Error(`cannot hold a call that is ${this.#state}`)
    await this.#reinvite(true)
    this.#move(CallState.Held)
  }

  async resume(): Promise<void> {
    if (this.#state !== CallState.Held)
      throw new Error(`cannot resume a call that is ${this.#state}`)
    await this.#reinvite(false)
    this.#move(CallState.Active)
  }

  setMuted(muted: boolean): void {
    this.#muted = muted
    applyTrackFlags(this.#session, { muted, held: this.#state === CallState.Held })
  }

  /**
   * RFC 4733 through RTCDTMFSender when the peer negotiated it, SIP INFO otherwise (`auto`);
   * `info` always signals, for PBXes and IVRs that only read INFO.
   */
  async sendDtmf(tone: string, method: DtmfMethod = 'auto'): Promise<void> {
    if (!DTMF_TONE.test(tone)) throw new Error(`not a DTMF tone: ${tone}`)
    if (method !== 'info' && webHandler(this.#session)?.sendDtmf(tone)) return
    if (method === 'rfc4733') throw new Error('the call has no RFC 4733 telephone-event')
    const content = `Signal=${tone}\r\nDuration=${DTMF_INFO_DURATION_MS}`
    const body = { contentDisposition: 'render', contentType: 'application/dtmf-relay', content }
    await awaitAnswer((requestDelegate) =>
      this.#session.info({ requestDelegate, requestOptions: { body } })
    )
  }

  async blindTransfer(target: string): Promise<void> {
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`not a SIP address: ${target}`)
    await awaitAnswer((requestDelegate) => this.#session.refer(uri, { requestDelegate }))
    // Blind transfer: once the other party accepted the REFER, this leg is done.
    await this.hangup()
  }

  /**
   * REFER with Replaces: the other party calls the consult target and replaces our consult
   * dialog there. Success is its NOTIFY with a 2xx, or (for peers that never notify) the target
   * hanging up our consult leg, which it does once replaced; then we leave the call. Without
   * either before the timeout the transfer failed, and both calls stay for the agent to decide.
   */
  async attendedTransfer(consult: CallSession): Promise<void> {
    if (!(consult instanceof SipCall)) throw new Error('only a SIP call can be transferred to')
    if (consult.state !== CallState.Active && consult.state !== CallState.Held) {
      throw new Error(`cannot transfer to a call that is ${consult.state}`)
    }
    let settle: (status: number | null) => void = () => undefined
    const outcome = new Promise<number | null>((resolve) => {
      settle = resolve
    })
    const timer = setTimeout(() => {
      settle(null)
    }, TRANSFER_OUTCOME_TIMEOUT_MS)
    const unsubscribe = consult.subscribe({
      onStateChange: (state, endedBy) => {
        if (state === CallState.Ended) settle(endedBy === 'remote' ? 200 : null)
      }
    })
    const onNotify = (notification: Notification): void => {
      notification.accept().catch(() => undefined)
      const status = sipfragStatus(notification.request.body)
      if (status !== null && status >= 200) settle(status)
    }
    try {
      await awaitAnswer((requestDelegate) =>
        this.#session.refer(consult.#session, { requestDelegate, onNotify })
      )
      const status = await outcome
      if (status === null) throw new Error('transfer failed: no outcome from the other party')
      if (status >= 300) throw new Error(`transfer failed: ${String(status)}`)
    } finally {
      clearTimeout(timer)
      unsubscribe()
    }
    if (this.#session.state === SessionState.Established) await this.hangup()
  }

  subscribe(delegate: CallSessionDelegate): () => void {
    this.#delegates.add(delegate)
    return () => this.#delegates.delete(delegate)
  }

  /** The far end transfers us: accept, call whom it names, and leave once that call is up. */
  #onRefer(referral: Referral): void {
    if (this.#state !== CallState.Active && this.#state !== CallState.Held) {
      referral.reject().catch(() => undefined)
      return
    }
    const referTo = referral.referTo
    const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: AUDIO_ONLY })
    const next = new SipCall(inviter, 'outbound', {
      replacesCallId: this.info.id,
      displayName: referTo.displayName
    })
    next.subscribe({
      onStateChange: (state) => {
        if (state === CallState.Active && this.#session.state === SessionState.Established) {
          this.#endedBy ??= 'remote'
          this.hangup().catch(() => undefined)
        }
      }
    })
    for (const d of this.#delegates) d.onSuccessor?.(next)
    referral
      .accept()
      .then(() => next.#invite(inviter))
      .catch(() => undefined)
  }

  #onInfo(info: Info): void {
    info.accept().catch(() => undefined)
    const request = info.request
    const tone = dtmfFromInfoBody(request.getHeader('content-type') ?? '', request.body)
    if (tone) for (const d of this.#delegates) d.onDtmfReceived?.(tone)
  }

  async #reinvite(hold: boolean): Promise<void> {
    const session = this.#session
    const options: Web.SessionDescriptionHandlerOptions = {
      ...session.sessionDescriptionHandlerOptionsReInvite,
      hold
    }
    session.sessionDescriptionHandlerOptionsReInvite = options
    await awaitAnswer((requestDelegate) => session.invite({ requestDelegate }))
    applyTrackFlags(session, { muted: this.#muted, held: hold })
  }

  #onSessionState(state: SessionState): void {
    if (state === SessionState.Established) {
      this.#audio.attach(this.#session)
      if (this.#state === CallState.Connecting || this.#state === CallState.Dialing) {
        this.#move(CallState.Active)
      }
    } else if (state === SessionState.Terminated) {
      this.#audio.detach()
      // SIP.js terminates an Inviter before it hands the rejection to our request delegate;
      // waiting a microtask lets `endReason` (e.g. 486 Busy Here) be known when we report.
      queueMicrotask(() => {
        // Ending while connecting, with nobody hanging up, is a media or negotiation failure.
        const by = this.#endedBy ?? (this.#state === CallState.Connecting ? 'system' : 'remote')
        if (this.#state !== CallState.Ended) this.#move(CallState.Ended, by)
      })
    }
  }

  #move(to: CallState, endedBy?: EndedBy): void {
    if (!canTransition(this.#state, to)) {
      throw new Error(`illegal call transition ${this.#state} → ${to}`)
    }
    this.#state = to
    for (const d of this.#delegates) d.onStateChange?.(to, endedBy)
  }
}
