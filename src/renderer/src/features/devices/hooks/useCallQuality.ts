import { useEffect, useState } from 'react'

import {
  callQuality,
  readQualitySnapshot,
  type CallQuality,
  type QualitySnapshot
} from '@renderer/telephony/call-quality'
import { liveCallMedia } from '@renderer/telephony/sip-media'

/** How often the indicator reads getStats(): often enough to see a problem, cheap enough. */
export const QUALITY_INTERVAL_MS = 2000

/**
 * The live quality of call `callId`, re-read every {@link QUALITY_INTERVAL_MS}; null while the
 * call has no media (ringing, a practice call) or before the first reading.
 */
export function useCallQuality(callId: string | null): CallQuality | null {
  const [reading, setReading] = useState<{ callId: string; quality: CallQuality } | null>(null)
  useEffect(() => {
    if (!callId) return
    let previous: QualitySnapshot | null = null
    let stopped = false
    const read = async (): Promise<void> => {
      const media = liveCallMedia(callId)
      if (!media) return
      const snapshot = await readQualitySnapshot(media.peerConnection)
      if (stopped || !snapshot) return
      setReading({ callId, quality: callQuality(previous, snapshot) })
      previous = snapshot
    }
    const timer = setInterval(() => {
      read().catch(() => undefined)
    }, QUALITY_INTERVAL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [callId])
  // A reading of the previous call is never shown for the next one.
  return reading && reading.callId === callId ? reading.quality : null
}
