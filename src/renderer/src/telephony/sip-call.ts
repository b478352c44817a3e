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
  type Session,
  type Web
} from 'sip.js'

import {
  CallState,
  canTransition,
  type CallInfo,
  type CallSession,
  type CallSessionDelegate,
  type EndedBy
} from './call-session'
import { cleanIdentity, readCtiHeaders } from './sip-headers'
import { applyTrackFlags, RemoteAudio, webHandler } from './sip-media'

const AUDIO_ONLY = { constraints: { audio: true, video: false } }
const DTMF_TONE = /^[0-9A-D#*]$/
/** RFC 6086 leaves INFO DTMF unstandardised; this body is the widely supported draft's. */
const DTMF_INFO_DURATION_MS = 160

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

function infoFor(session: Session, direction: CallInfo['direction']): CallInfo {
  const identity = session.remoteIdentity
  const headers =
    session instanceof Invitation ? readCtiHeaders((name) => session.request.getHeader(name)) : {}
  return {
    id: session.id,
    kind: 'sip',
    direction,
    remoteNumber: cleanIdentity(identity.uri.user) ?? 'anonymous',
    remoteDisplayName: cleanIdentity(identity.displayName),
    ctiHeaders: headers,
    startedAt: new Date().toISOString()
  }
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

  private constructor(session: Session, direction: CallInfo['direction']) {
    this.#session = session
    this.info = infoFor(session, direction)
    this.#state = direction === 'inbound' ? CallState.Ringing : CallState.Dialing
    session.stateChange.addListener((state) => {
      this.#onSessionState(state)
    })
  }

  /** Wraps an INVITE the user agent received; it rings until answered or declined. */
  static inbound(invitation: Invitation): SipCall {
    return new SipCall(invitation, 'inbound')
  }

  /** Calls `target` (a SIP URI) and resolves once the INVITE is sent. */
  static async outbound(ua: UserAgent, target: string): Promise<SipCall> {
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`not a SIP address: ${target}`)
    const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: AUDIO_ONLY })
    const call = new SipCall(inviter, 'outbound')
    await inviter.invite({
      requestDelegate: {
        onReject: (response) => {
          call.#endReason = describe(response)
        }
      }
    })
    return call
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

  /** RFC 4733 through RTCDTMFSender when the peer negotiated it, SIP INFO otherwise. */
  async sendDtmf(tone: string): Promise<void> {
    if (!DTMF_TONE.test(tone)) throw new Error(`not a DTMF tone: ${tone}`)
    if (webHandler(this.#session)?.sendDtmf(tone)) return
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

  subscribe(delegate: CallSessionDelegate): () => void {
    this.#delegates.add(delegate)
    return () => this.#delegates.delete(delegate)
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
