/// <reference lib="dom" />
/**
 * `npm run bench:monitor [-- --sessions N --cpu-seconds S]`: a lead monitoring an agent's call
 * through a real Kamailio, as one JSON line. Three Chromium processes on the built browser edition,
 * each speaking its own tone (the e2e suite's phones): a customer's line calls Ana, Carla (her
 * lead) opens Ana on the live floor.
 * - start: the click on "Escuchar" → Carla's app plays Ana's tone (grant, INVITE, the agent's
 *   answer, ICE/DTLS, the mix, the first audio);
 * - mode switch: the click on "Susurrar" → Ana's app plays Carla's tone, and on "Intervenir" → the
 *   customer's app plays it (through Ana's app, one more network leg);
 * - the agent's CPU: every process of Ana's Chromium (/proc), in windows of S seconds with the
 *   call up, not monitored and monitored (listen), alternated so both see the same machine.
 * Audio is detected in the listening page on what it actually plays (its playing, unmuted media
 * elements and WebAudio output) with a 2048-point FFT read every ~10 ms: the figures include up to
 * one FFT window (43 ms) of detection. Clicks and detections are stamped with the wall clock of
 * the same machine (`performance.timeOrigin + performance.now()`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import type { Locator, Page } from '@playwright/test'

import { ServerProcess } from '@support/server-process'
import { MonitoringControls } from '../../test/e2e/pages/monitoring-panel'
import { asCustomerLine } from '../../test/e2e/support/customer-line'
import { HZ_TOLERANCE } from '../../test/e2e/support/played-audio'
import { Phones, TONE_HEARD_DB, TONE_HZ } from '../../test/e2e/support/softphones'
import { startSipProxy } from './sip-rig'
import { emit, percentile, round } from './stats'

/** Discarded sessions: the first one compiles the code paths the later ones reuse. */
const WARM_UP = 1

declare global {
  interface Window {
    __benchTone?: Promise<number>
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * Starts watching what the page plays for `hz`; `window.__benchTone` resolves with the moment it
 * is first at least `db` loud (NaN after 10 s). No named inner functions: tsx's keepNames would
 * wrap them in a helper the page does not have.
 */
function watchTone({ hz, db, tolerance }: { hz: number; db: number; tolerance: number }): void {
  window.__benchTone = (async () => {
    window.__e2eProbing = true
    const context = new AudioContext()
    window.__e2eProbing = false
    await context.resume()
    const analyser = context.createAnalyser()
    analyser.fftSize = 2048
    analyser.smoothingTimeConstant = 0
    const bins = new Float32Array(analyser.frequencyBinCount)
    const binHz = context.sampleRate / analyser.fftSize
    const from = Math.floor((hz - tolerance) / binHz)
    const to = Math.ceil((hz + tolerance) / binHz)
    const connected = new Set<MediaStreamTrack>()
    const deadline = performance.now() + 10_000
    try {
      while (performance.now() < deadline) {
        const streams: MediaStream[] = []
        const inDom = Array.from(document.querySelectorAll<HTMLMediaElement>('audio, video'))
        for (const element of new Set([...(window.__e2eMediaElements ?? []), ...inDom])) {
          const stream = element.srcObject
          if (element.paused || element.muted || element.volume === 0) continue
          if (stream instanceof MediaStream) streams.push(stream)
        }
        for (const [ctx, stream] of window.__e2eAudioTaps ?? []) {
          if (ctx.state === 'running') streams.push(stream)
        }
        for (const track of streams.flatMap((s) => s.getAudioTracks())) {
          if (connected.has(track) || track.readyState !== 'live') continue
          connected.add(track)
          context.createMediaStreamSource(new MediaStream([track])).connect(analyser)
        }
        analyser.getFloatFrequencyData(bins)
        for (let i = from; i <= to; i++) {
          if ((bins[i] ?? -Infinity) >= db) return performance.timeOrigin + performance.now()
        }
        await new Promise((r) => setTimeout(r, 10))
      }
      return Number.NaN
    } finally {
      await context.close()
    }
  })()
}

/** Clicks `button` inside its page, stamps the click, and returns when `listener` plays `hz`. */
async function clickUntilHeard(button: Locator, listener: Page, hz: number): Promise<number> {
  await listener.evaluate(watchTone, { hz, db: TONE_HEARD_DB, tolerance: HZ_TOLERANCE })
  const clickedAt = await button.evaluate((b: HTMLElement) => {
    const at = performance.timeOrigin + performance.now()
    b.click()
    return at
  })
  const heardAt = await listener.evaluate(() => window.__benchTone ?? Number.NaN)
  if (Number.isNaN(heardAt)) throw new Error(`tone ${String(hz)} Hz not heard within 10 s`)
  return heardAt - clickedAt
}

/** utime + stime in ms of `root` and every process below it (Linux /proc, 100 ticks a second). */
function treeCpuMs(root: number): number {
  const stats = new Map<number, { ppid: number; ms: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      stats.set(Number(name), {
        ppid: Number(fields[1]),
        ms: (Number(fields[11]) + Number(fields[12])) * 10
      })
    } catch {
      // The process ended while the list was read.
    }
  }
  let total = 0
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.pop() ?? 0
    total += stats.get(pid)?.ms ?? 0
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child)
  }
  return total
}

/** The pid of the Chromium whose fake microphone plays `wav` (its browser process). */
function chromiumPlaying(wav: string): number {
  const out = execFileSync('pgrep', ['-f', `use-file-for-fake-audio-capture=${wav}`], {
    encoding: 'utf8'
  })
  const pids = out.split('\n').filter(Boolean).map(Number)
  const parent = (pid: number) =>
    Number(
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ')[1]
    )
  // The browser process is the parent of the others that carry the flag (if any do).
  const root = pids.find((pid) => !pids.includes(parent(pid)))
  if (root === undefined) throw new Error(`no Chromium plays ${wav}`)
  return root
}

async function cpuPct(pid: number, seconds: number): Promise<number> {
  const cpu0 = treeCpuMs(pid)
  const t0 = Date.now()
  await new Promise((r) => setTimeout(r, seconds * 1000))
  return ((treeCpuMs(pid) - cpu0) / (Date.now() - t0)) * 100
}

export async function benchMonitor(options: {
  sessions: number
  cpuSeconds: number
}): Promise<void> {
  if (!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html'))) {
    throw new Error('bench:monitor serves the built browser edition: run `npm run build:app` first')
  }
  const dir = mkdtempSync(join(tmpdir(), 'atiende-bench-monitor-'))
  const proxy = await startSipProxy()
  const server = await ServerProcess.create(proxy.serverEnv)
  let phones: Phones | null = null
  try {
    await server.start()
    phones = new Phones(server.url, dir)
    const ana = await phones.open('ana')
    const customer = await phones.open('diego', asCustomerLine('5550103'))
    const carla = await phones.open('carla')
    await customer.softphone.dial('1001')
    await ana.softphone.answer.click()
    await ana.softphone.status.getByText('En llamada').waitFor()
    await carla.goTo('Equipo en vivo')
    const monitor = new MonitoringControls(carla.page, 'Ana Ortiz')
    await monitor.open()

    const start: number[] = []
    const whisper: number[] = []
    const barge: number[] = []
    for (let i = 0; i < options.sessions + WARM_UP; i++) {
      const s = await clickUntilHeard(monitor.listen, carla.page, TONE_HZ.ana)
      await carla.page.waitForTimeout(300)
      const w = await clickUntilHeard(monitor.whisper, ana.page, TONE_HZ.carla)
      await carla.page.waitForTimeout(300)
      const b = await clickUntilHeard(monitor.barge, customer.page, TONE_HZ.carla)
      await monitor.stop.click()
      await monitor.listen.and(carla.page.locator('[aria-pressed="false"]')).waitFor()
      // Ana's app tears the monitoring leg down; the next session starts on a quiet desk.
      await carla.page.waitForTimeout(1000)
      if (i >= WARM_UP) {
        start.push(s)
        whisper.push(w)
        barge.push(b)
      }
    }

    const agentPid = chromiumPlaying(join(dir, `tone-${String(TONE_HZ.ana)}.wav`))
    const quiet: number[] = []
    const monitored: number[] = []
    for (let i = 0; i < 3; i++) {
      quiet.push(await cpuPct(agentPid, options.cpuSeconds))
      await clickUntilHeard(monitor.listen, carla.page, TONE_HZ.ana)
      monitored.push(await cpuPct(agentPid, options.cpuSeconds))
      await monitor.stop.click()
      await carla.page.waitForTimeout(1000)
    }
    const switches = [...whisper, ...barge]
    const callPct = percentile(quiet, 50)
    const monitoredPct = percentile(monitored, 50)
    emit({
      bench: 'monitor',
      sessions: start.length,
      monitorStartP50Ms: percentile(start, 50),
      monitorStartP95Ms: percentile(start, 95),
      monitorStartMaxMs: percentile(start, 100),
      modeSwitches: switches.length,
      modeSwitchP50Ms: percentile(switches, 50),
      modeSwitchP95Ms: percentile(switches, 95),
      modeSwitchMaxMs: percentile(switches, 100),
      whisperSwitchP95Ms: percentile(whisper, 95),
      bargeSwitchP95Ms: percentile(barge, 95),
      cpuWindows: quiet.length,
      cpuWindowSeconds: options.cpuSeconds,
      agentCpuOnCallPct: round(callPct, 1),
      agentCpuMonitoredPct: round(monitoredPct, 1),
      // Points of one core: what monitoring adds to the agent's Chromium (median windows).
      agentCpuOverheadPct: round(monitoredPct - callPct, 1),
      loadAverage1m: round(loadavg()[0] ?? 0, 2)
    })
  } finally {
    await phones?.closeAll()
    await server.stop()
    await proxy.kamailio.stop()
    rmSync(server.dataDir, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchMonitor({ sessions: arg('sessions', 10), cpuSeconds: arg('cpu-seconds', 8) })
}
