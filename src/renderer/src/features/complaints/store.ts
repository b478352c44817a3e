import type { StateCreator } from 'zustand'

import type { LocalComplaint } from '../../../../shared/contract/worker'
import type { AppState } from '../../stores/app-store'

export interface ComplaintsSlice {
  complaints: { items: LocalComplaint[]; lastSavedId: string | null; error: string | null }
  complaintsLoaded: (items: LocalComplaint[]) => void
  complaintSaved: (item: LocalComplaint) => void
  complaintFailed: (message: string) => void
}

export const createComplaintsSlice: StateCreator<AppState, [], [], ComplaintsSlice> = (set) => ({
  complaints: { items: [], lastSavedId: null, error: null },
  complaintsLoaded: (items) => {
    set((s) => ({ complaints: { ...s.complaints, items } }))
  },
  complaintSaved: (item) => {
    set((s) => ({
      complaints: {
        items: [item, ...s.complaints.items.filter((c) => c.id !== item.id)],
        lastSavedId: item.id,
        error: null
      }
    }))
  },
  complaintFailed: (message) => {
    set((s) => ({ complaints: { ...s.complaints, error: message } }))
  }
})
