/**
 * Follows one call's states and turns them into the interaction record saved when it ends:
 * ring, answer and end times, time on hold, who hung up, and what came of it.
 */
import type { InteractionRecordArgs, InteractionResult } from '@shared/domain/interaction'
import type { CallInfo, EndedBy } from './call-session'
import { CallState } from './call-session'

export type InteractionInput = Omit<InteractionRecordArgs, 'id'>

export class CallTimeline {
  #answeredAt: string | null = null
  #heldSince: number | null = null
  #heldMs = 0

  constructor(
    readonly info: CallInfo,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Feeds a state change; answers the finished record when the call ended. */
  observe(
    state: CallState,
    endedBy: EndedBy | undefined,
    context: { customerId: string | null; remoteE164: string | null }
  ): InteractionInput | null {
    const now = this.now()
    if (state === CallState.Active) {
      this.#answeredAt ??= now.toISOString()
      this.#endHold(now)
    } else if (state === CallState.Held) {
      this.#heldSince ??= now.getTime()
    } else if (state === CallState.Ended) {
      this.#endHold(now)
      return this.#record(now, endedBy ?? null, context)
    }
    return null
  }

  #endHold(now: Date): void {
    if (this.#heldSince === null) return
    this.#heldMs += now.getTime() - this.#heldSince
    this.#heldSince = null
  }

  #result(endedBy: EndedBy | null): InteractionResult {
    if (this.#answeredAt !== null) return 'answered'
    if (this.info.direction === 'outbound') return 'failed'
    return endedBy === 'local' ? 'declined' : 'missed'
  }

  #record(
    now: Date,
    endedBy: EndedBy | null,
    context: { customerId: string | null; remoteE164: string | null }
  ): InteractionInput {
    return {
      callId: this.info.id,
      direction: this.info.direction,
      remoteNumber: this.info.remoteNumber.slice(0, 128),
      remoteE164: context.remoteE164,
      customerId: context.customerId,
      ringAt: this.info.startedAt,
      answeredAt: this.#answeredAt,
      endedAt: now.toISOString(),
      holdSeconds: Math.round(this.#heldMs / 100) / 10,
      result: this.#result(endedBy),
      endedBy
    }
  }
}
