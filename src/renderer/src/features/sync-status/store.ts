import type { StateCreator } from 'zustand'

import type { SyncStatus } from '@shared/contract/worker'
import type { AppState } from '../../stores/app-store'

export interface SyncSlice {
  sync: SyncStatus
  syncStatusChanged: (status: SyncStatus) => void
}

export const initialSyncStatus: SyncStatus = {
  pending: 0,
  rejected: 0,
  stuck: 0,
  stuckReason: null,
  lastSyncAt: null,
  lastError: null,
  cursor: 0,
  isLive: false
}

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  sync: initialSyncStatus,
  syncStatusChanged: (status) => {
    set({ sync: status })
  }
})
