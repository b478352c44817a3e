/**
 * The agent's calls, one per line, and which one is in front. Pure bookkeeping: it never talks
 * SIP nor touches the store, so call waiting, swapping and transfers are testable with fakes.
 *
 * @remarks
 * A second inbound call rings as call waiting on a background line; answering it puts the front
 * call on hold and brings the new one forward. A consultation (attended transfer) is a second
 * outbound line tied to the held call it may replace. When the far end moves a call (a REFER
 * we obey, an INVITE with Replaces), the new call takes over its line. When the front call ends,
 * the line it consulted for, or else the newest other line, comes forward.
 */
import { CallState, type CallSession } from '../../telephony/call-session'

export interface Line {
  readonly session: CallSession
  answeredAt: string | null
  isMuted: boolean
  /** For a consultation: the id of the held call it may be transferred to. */
  consultFor: string | null
  /** A transfer of this call is under way: it is about to leave, never resume it. */
  isTransferring: boolean
}

/** What to do with a new call: ring in front, ring as call waiting, take over a line, or refuse. */
export type Admission = 'front' | 'waiting' | 'take-over' | 'refuse'

export interface AdmitOptions {
  /** Single-line mode: a second call is refused as busy. */
  singleLine: boolean
  /** False when the agent cannot take a call at all (e.g. after-call work). */
  isAvailable: boolean
}

/** Two lines, like a desk phone's call waiting; a transfer may briefly add a third. */
export const LINE_CAPACITY = 2

const live = (line: Line) => line.session.state !== CallState.Ended

export class CallLines {
  #lines: Line[] = []
  #frontId: string | null = null

  get all(): readonly Line[] {
    return this.#lines
  }

  get front(): Line | null {
    return this.find(this.#frontId)
  }

  /** Lines not in front, oldest first. */
  get background(): Line[] {
    return this.#lines.filter((l) => l.session.info.id !== this.#frontId)
  }

  /** The background line ringing as call waiting, if any. */
  get waiting(): Line | null {
    return this.background.find((l) => l.session.state === CallState.Ringing) ?? null
  }

  find(id: string | null | undefined): Line | null {
    if (id === null || id === undefined) return null
    return this.#lines.find((l) => l.session.info.id === id) ?? null
  }

  /** Decides where a new inbound call goes and records it unless refused. */
  admit(session: CallSession, options: AdmitOptions): Admission {
    const replaced = this.find(session.info.replacesCallId)
    if (replaced) {
      this.takeOver(replaced.session, session)
      return 'take-over'
    }
    if (this.#lines.length === 0) {
      if (!options.isAvailable) return 'refuse'
      this.#add(session, null)
      this.#frontId = session.info.id
      return 'front'
    }
    if (options.singleLine || this.waiting || this.#lines.filter(live).length >= LINE_CAPACITY) {
      return 'refuse'
    }
    this.#add(session, null)
    return 'waiting'
  }

  /** An outbound call: in front when it is the only one, else a consultation for `consultFor`. */
  place(session: CallSession, consultFor: string | null = null): void {
    this.#add(session, consultFor)
    this.#frontId = session.info.id
  }

  /** True when another outbound call may start (a consultation needs a free line). */
  canPlace(): boolean {
    return this.#lines.filter(live).length < LINE_CAPACITY
  }

  /** A call the far end moved (REFER we obey): it takes over `replaced`'s line and place. */
  takeOver(replaced: CallSession, next: CallSession): void {
    if (this.find(next.info.id)) return
    // The old leg leaves with the move: the call goes on as `next`, nothing to resume or wrap up.
    const old = this.find(replaced.info.id)
    if (old) old.isTransferring = true
    this.#add(next, null)
    if (this.#frontId === replaced.info.id) this.#frontId = next.info.id
  }

  bringToFront(id: string): Line {
    const line = this.find(id)
    if (!line) throw new Error(`no line for call ${id}`)
    this.#frontId = id
    return line
  }

  /**
   * Forgets an ended call. Returns the line that came to the front because the front call
   * ended, or null when the front did not change or no call is left.
   */
  remove(id: string): Line | null {
    const line = this.find(id)
    if (!line) return null
    this.#lines = this.#lines.filter((l) => l !== line)
    for (const other of this.#lines) if (other.consultFor === id) other.consultFor = null
    if (this.#frontId !== id) return null
    const next = this.find(line.consultFor) ?? this.#lines.at(-1) ?? null
    this.#frontId = next?.session.info.id ?? null
    return next
  }

  #add(session: CallSession, consultFor: string | null): void {
    this.#lines.push({
      session,
      answeredAt: null,
      isMuted: false,
      consultFor,
      isTransferring: false
    })
  }
}
