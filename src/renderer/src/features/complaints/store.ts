import type { StateCreator } from 'zustand'

import type { LocalComplaint } from '@shared/contract/worker'
import type { ComplaintChannel, ComplaintDetailsInput } from '@shared/domain/complaint'
import type { LifecycleStatus } from '@shared/domain/complaint-lifecycle'
import type { Severity } from '@shared/domain/complaint-severity'
import type { ValueTier } from '@shared/domain/customer'
import type { AppState } from '../../stores/app-store'

/** A complaint brought back into the form to be corrected and saved again. */
export interface ComplaintDraft extends ComplaintDetailsInput {
  category: LocalComplaint['category']
  description: string
}

/** What the list shows: the user's own complaints or the team queue (leads), narrowed. */
export interface ComplaintListFilter {
  scope: 'mine' | 'team'
  status: LifecycleStatus | null
  severity: Severity | null
  breachedOnly: boolean
  /** A configured top-level category code. */
  category: string | null
  channel: ComplaintChannel | null
  tier: ValueTier | null
  /** Case number, customer name or description text (accent and case-insensitive). */
  search: string
}

export const defaultComplaintListFilter: ComplaintListFilter = {
  scope: 'mine',
  status: null,
  severity: null,
  breachedOnly: false,
  category: null,
  channel: null,
  tier: null,
  search: ''
}

export interface ComplaintsSlice {
  complaints: {
    items: LocalComplaint[]
    lastSavedId: string | null
    error: string | null
    draft: ComplaintDraft | null
    /** Null until the user chose: then leads see the team queue and agents their own. */
    filter: ComplaintListFilter | null
  }
  complaintsLoaded: (items: LocalComplaint[]) => void
  complaintSaved: (item: LocalComplaint) => void
  complaintFailed: (message: string) => void
  draftRequested: (draft: ComplaintDraft) => void
  complaintFilterChanged: (filter: ComplaintListFilter) => void
}

export const createComplaintsSlice: StateCreator<AppState, [], [], ComplaintsSlice> = (set) => ({
  complaints: { items: [], lastSavedId: null, error: null, draft: null, filter: null },
  complaintsLoaded: (items) => {
    set((s) => ({ complaints: { ...s.complaints, items } }))
  },
  complaintSaved: (item) => {
    set((s) => ({
      complaints: {
        ...s.complaints,
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
  },
  complaintFilterChanged: (filter) => {
    set((s) => ({ complaints: { ...s.complaints, filter } }))
  }
})
