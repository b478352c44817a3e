/**
 * Answered calls that ended while another line stayed up: each still needs its own wrap-up, taken
 * one after the other once the call in front has been wrapped up.
 */
import type { CallInfo } from '@renderer/telephony/call-session'
import type { Line } from './call-lines'

export interface EndedCall {
  info: CallInfo
  answeredAt: string
  endedAt: string
}

export class WrapUpQueue {
  #waiting: EndedCall[] = []

  /** An answered customer call ending behind (or ahead of) another line waits for its wrap-up. */
  keep(line: Line | null, endedAt: string): void {
    // A consultation is an internal call, and a call being transferred leaves with the transfer.
    if (!line || line.answeredAt === null || line.consultFor !== null || line.isTransferring) return
    this.#waiting.push({ info: line.session.info, answeredAt: line.answeredAt, endedAt })
  }

  /** The next call to wrap up, oldest first. */
  next(): EndedCall | undefined {
    return this.#waiting.shift()
  }

  /** Logout: the calls still waiting for their wrap-up were this user's, not the next one's. */
  clear(): void {
    this.#waiting = []
  }
}
