/**
 * Visual whispers as the worker keeps them, and the requests to send, acknowledge and list them.
 */
import type { WhisperInput, WhisperSendArgs } from '../../domain/whisper'
import type { LocalSyncState } from './sync'

/** A whisper as the local store keeps it: the server's, or one this lead sent not yet back. */
export interface LocalWhisper extends WhisperSendArgs {
  /** Who sent it: '' on the sender's own copy until the server's version comes back. */
  leadId: string
  leadName: string
  acknowledgedAt: string | null
  /** Pending while this user's send or acknowledgement waits for the server. */
  syncState: LocalSyncState
}

/** The whisper requests. */
export interface WhisperRequests {
  /** A lead whispers to an agent (journaled, synced as `whisper.send`). */
  'whisper:send': (args: WhisperInput) => { whisper: LocalWhisper }
  /** The agent saw it (journaled, synced as `whisper.acknowledge`); a second time is harmless. */
  'whisper:acknowledge': (args: { id: string }) => { whisper: LocalWhisper }
  /** Whispers to this user not yet acknowledged, newest first. */
  'whisper:inbox': (args: { limit: number }) => { whispers: LocalWhisper[] }
  /** Whispers to one agent sent since `since` (ISO), newest first: what a lead sent today. */
  'whisper:sentTo': (args: { agentId: string; since: string; limit: number }) => {
    whispers: LocalWhisper[]
  }
  /** The whispers of one call, oldest first: kept with the call's record. */
  'whisper:forCall': (args: { callId: string }) => { whispers: LocalWhisper[] }
}
