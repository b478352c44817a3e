import type { StateCreator } from 'zustand'

import type { LocalComplaint } from '../../../../shared/contract/worker'
import type { ComplaintDetailsInput } from '../../../../shared/domain/complaint'
import type { AppState } from '../../stores/app-store'

/** A complaint brought back into the form to be corrected and saved again. */
export interface ComplaintDraft extends ComplaintDetailsInput {
  category: LocalComplaint['category']
  description: string
}

export interface ComplaintsSlice {
  complaints: {
    items: LocalComplaint[]
    lastSavedId: string | null
    error: string | null
    draft: ComplaintDraft | null
  }
  complaintsLoaded: (items: LocalComplaint[]) => void
  complaintSaved: (item: LocalComplaint) => void
  complaintFailed: (message: string) => void
  draftRequested: (draft: ComplaintDraft) => void
}

export const createComplaintsSlice: StateCreator<AppState, [], [], ComplaintsSlice> = (set) => ({
  complaints: { items: [], lastSavedId: null, error: null, draft: null },
  complaintsLoaded: (items) => {
    set((s) => ({ complaints: { ...s.complaints, items } }))
  },
  complaintSaved: (item) => {
    set((s) => ({
      complaints: {
        items: [item, ...s.complaints.items.filter((c) => c.id !== item.id)],
        lastSavedId: item.id,
        error: null,
        draft: null
      }
    }))
  },
  complaintFailed: (message) => {
    set((s) => ({ complaints: { ...s.complaints, error: message } }))
  },
  draftRequested: (draft) => {
    set((s) => ({ complaints: { ...s.complaints, draft } }))
  }
})
