/**
 * The trainer's role-play in progress: who they are calling, as which customer, and the notes
 * they take. It outlives the call on purpose: feedback is often written after hanging up, and a
 * note typed must not vanish when the call ends. Closed by the trainer.
 */
import type { StateCreator } from 'zustand'

import type { Roleplay } from '@shared/practice/roleplay'
import type { Scenario } from '@shared/practice/scenario-schema'
import type { AppState } from '../../stores/app-store'

export interface RoleplayNote {
  /** The step of the trainee's script the note is about; null for the call as a whole. */
  nodeId: string | null
  text: string
}

export interface TrainerRoleplay {
  roleplay: Roleplay
  scenario: Scenario
  notes: RoleplayNote[]
  comment: string
  /** When the feedback was last sent (the trainee has it); null until then. */
  sentAt: string | null
  /**
   * The call that carries it once this desk admitted it, when the trainee dials; null while the
   * trainer waits (and when the trainer dials: that call is placed with the session).
   */
  callId: string | null
}

export interface RoleplaySlice {
  roleplay: { current: TrainerRoleplay | null }
  roleplayStarted: (roleplay: Roleplay, scenario: Scenario) => void
  roleplayNoteAdded: (note: RoleplayNote) => void
  roleplayNoteRemoved: (index: number) => void
  roleplayCommentChanged: (comment: string) => void
  roleplayFeedbackSent: (sentAt: string) => void
  /** The trainee's call arrived with this session and rings here. */
  roleplayCallTaken: (callId: string) => void
  roleplayClosed: () => void
}

const change = (
  current: TrainerRoleplay | null,
  edit: (r: TrainerRoleplay) => Partial<TrainerRoleplay>
): { roleplay: { current: TrainerRoleplay | null } } => ({
  roleplay: { current: current ? { ...current, ...edit(current) } : null }
})

export const createRoleplaySlice: StateCreator<AppState, [], [], RoleplaySlice> = (set) => ({
  roleplay: { current: null },
  roleplayStarted: (roleplay, scenario) => {
    set({
      roleplay: {
        current: { roleplay, scenario, notes: [], comment: '', sentAt: null, callId: null }
      }
    })
  },
  roleplayNoteAdded: (note) => {
    set((s) => change(s.roleplay.current, (r) => ({ notes: [...r.notes, note] })))
  },
  roleplayNoteRemoved: (index) => {
    set((s) =>
      change(s.roleplay.current, (r) => ({ notes: r.notes.filter((_, i) => i !== index) }))
    )
  },
  roleplayCommentChanged: (comment) => {
    set((s) => change(s.roleplay.current, () => ({ comment })))
  },
  roleplayFeedbackSent: (sentAt) => {
    set((s) => change(s.roleplay.current, () => ({ sentAt })))
  },
  roleplayCallTaken: (callId) => {
    set((s) => change(s.roleplay.current, () => ({ callId })))
  },
  roleplayClosed: () => {
    set({ roleplay: { current: null } })
  }
})
