/// <reference lib="dom" />
/**
 * Softphones for end-to-end calls: one Chromium process per party, because the fake microphone
 * file (`--use-file-for-fake-audio-capture`) is per process. Each party "speaks" a distinct sox
 * tone, so a test can tell whom a phone hears. WebRTC is observed from the test side only: an
 * init script records the page's RTCPeerConnections; the app ships no test hook.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { chromium, type Browser, type Page } from '@playwright/test'

import { chromiumArgs, chromiumPath } from './chromium'
import { recordPlayedAudio } from './played-audio'

/** Writes a sine tone WAV (48 kHz mono) with sox and returns its path. */
export function toneFile(dir: string, hz: number, seconds = 60): string {
  const path = join(dir, `tone-${hz}.wav`)
  if (!existsSync(path)) {
    execFileSync('sox', [
      '-n',
      '-r',
      '48000',
      '-c',
      '1',
      path,
      'synth',
      String(seconds),
      'sine',
      String(hz)
    ])
  }
  return path
}

export interface Phone {
  browser: Browser
  page: Page
}

declare global {
  interface Window {
    /** Every RTCPeerConnection the page created, oldest first (test instrumentation). */
    __e2ePeerConnections?: RTCPeerConnection[]
  }
}

/**
 * Launches a browser whose microphone plays `wav`, with a page that records its peer connections
 * and what it plays (played-audio.ts).
 */
export async function launchPhone(wav: string): Promise<Phone> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs([
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required'
    ])
  })
  const context = await browser.newContext({ locale: 'es-ES' })
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection
    const seen: RTCPeerConnection[] = []
    window.__e2ePeerConnections = seen
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration)
        seen.push(this)
      }
    }
  })
  await recordPlayedAudio(context)
  return { browser, page: await context.newPage() }
}

/** Audio bytes received so far on the page's calls that are still up (a held line included). */
export function bytesReceived(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0
    for (const pc of window.__e2ePeerConnections ?? []) {
      if (pc.connectionState === 'closed') continue
      ;(await pc.getStats()).forEach(
        (report: { type: string; kind?: string; bytesReceived?: number }) => {
          if (report.type === 'inbound-rtp' && report.kind === 'audio')
            total += report.bytesReceived ?? 0
        }
      )
    }
    return total
  })
}

/** The ICE servers the page's latest peer connection was configured with. */
export function iceServersInUse(page: Page): Promise<number> {
  return page.evaluate(
    () => window.__e2ePeerConnections?.at(-1)?.getConfiguration().iceServers?.length ?? -1
  )
}

export interface Heard {
  /** Frequency (Hz) of the loudest bin of the remote audio. */
  hz: number
  /** Its level in dBFS; around -100 or lower means silence. */
  db: number
}

/**
 * Listens for `ms` to the remote audio of every call still up (as the agent would: a held line's
 * receiver is disabled, so it adds silence) and reports the dominant frequency.
 */
export function whatIsHeard(page: Page, ms = 600): Promise<Heard> {
  return page.evaluate(async (duration) => {
    const tracks = (window.__e2ePeerConnections ?? [])
      .filter((pc) => pc.connectionState !== 'closed')
      .flatMap((pc) => pc.getReceivers().map((r) => r.track))
      .filter((track) => track.kind === 'audio' && track.readyState === 'live')
    if (tracks.length === 0) return { hz: 0, db: -Infinity }
    const context = new AudioContext()
    await context.resume()
    const analyser = context.createAnalyser()
    analyser.fftSize = 8192
    for (const track of tracks) {
      context.createMediaStreamSource(new MediaStream([track])).connect(analyser)
    }
    const bins = new Float32Array(analyser.frequencyBinCount)
    let best = { hz: 0, db: -Infinity }
    const deadline = performance.now() + duration
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      analyser.getFloatFrequencyData(bins)
      bins.forEach((db, i) => {
        if (db > best.db) best = { hz: (i * context.sampleRate) / analyser.fftSize, db }
      })
    }
    await context.close()
    return best
  }, ms)
}
