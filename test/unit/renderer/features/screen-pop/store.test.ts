import { afterEach, describe, expect, it } from 'vitest'

import { resetAppStore, useAppStore } from '@renderer/stores/app-store'

afterEach(resetAppStore)

describe('screen pop slice', () => {
  it('ignores a late lookup answer for a previous call', () => {
    const s = () => useAppStore.getState()
    s().popLookupStarted('new-call')
    s().popMatched('old-call', {
      matchedBy: 'phone',
      normalizedNumber: '+34612345678',
      customers: []
    })
    expect(s().screenPop).toMatchObject({ status: 'looking', callId: 'new-call', match: null })
  })
})
