import { describe, expect, it } from 'vitest'

import { contractFingerprint, recordedFingerprints } from '@scripts/protocol-fingerprint'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'

describe('the wire contract', () => {
  it('has not changed without a bump of PROTOCOL_VERSION', () => {
    const recorded = recordedFingerprints()[String(PROTOCOL_VERSION)]
    // On failure: bump PROTOCOL_VERSION, then run `npm run protocol:fingerprint`.
    expect(contractFingerprint(), 'src/shared/{sync,contract} changed: bump PROTOCOL_VERSION').toBe(
      recorded
    )
  })
})
