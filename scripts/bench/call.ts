/// <reference lib="dom" />
/**
 * `npm run bench:call [-- --calls N]`: call setup through a real Kamailio, as one JSON line.
 *
 * - dial → INVITE: the agent clicks "Call" in Atiende's browser edition (built, served by a real
 *   server process, in Chromium with a fake microphone); a desk phone in this Node process
 *   (UDP, registered on Kamailio) stamps the INVITE when it reads it off the wire. The same is
 *   measured for a bare SIP.js page with the library's defaults, interleaved call by call.
 * - INVITE → ring: the desk phone calls the agent; the page stamps the frame the ringing view
 *   appears in.
 * - answer → two-way audio: agent calls agent; from the click on "Answer" until RTP packets
 *   have arrived on both sides.
 * Every stamp is this machine's wall clock (`performance.timeOrigin + performance.now()`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import type { Page } from '@playwright/test'
import { build } from 'vite'

import { Workstation as WorkstationPage } from '../../test/e2e/pages/workstation'
import { launchPhone, toneFile, type Phone } from '../../test/e2e/support/phones'
import { ServerProcess } from '@support/server-process'
import {
  DESK_EXTENSION,
  loginAgent,
  openDeskPhone,
  phoneStatus,
  SIP_DOMAIN,
  startSipProxy,
  waitIdle
} from './sip-rig'
import { emit, percentile, round } from './stats'
import type { UdpSipEndpoint } from './udp-sip-endpoint'

const BARE = '7002'
/** Discarded calls per client: the first calls compile code paths the later ones reuse. */
const WARM_UP = 2

declare global {
  interface Window {
    __benchRing?: Promise<number>
    __benchAudio?: Promise<number>
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** Bundles the bare client with Vite and serves it on loopback (a secure context). */
async function serveBareClient(): Promise<{ server: Server; url: string }> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve(import.meta.dirname, 'bare-sipjs-client.ts'),
        formats: ['es'],
        fileName: 'bare'
      }
    }
  })
  const results = Array.isArray(output) ? output : [output]
  const chunk = results
    .flatMap((r) => ('output' in r ? r.output : []))
    .find((o) => o.type === 'chunk')
  if (chunk?.type !== 'chunk') throw new Error('bare client bundle is empty')
  const code = chunk.code
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/bare.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(code)
    } else {
      const html =
        '<!doctype html><title>bare</title><script type="module" src="/bare.js"></script>'
      res.writeHead(200, { 'content-type': 'text/html' }).end(html)
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return { server, url: `http://127.0.0.1:${address.port}` }
}

/** Clicks "Call" inside the page and returns the wall-clock time of the click. */
async function clickDial(page: Page, number: string): Promise<number> {
  await page.getByLabel('Número a marcar').fill(number)
  return page.evaluate(() => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Llamar'
    )
    if (!button) throw new Error('no call button')
    const at = performance.timeOrigin + performance.now()
    button.click()
    return at
  })
}

async function atiendeDialToInvite(page: Page, desk: UdpSipEndpoint): Promise<number> {
  const clicked = await clickDial(page, DESK_EXTENSION)
  const arrival = await desk.nextInvite()
  await waitIdle(page)
  return arrival.at - clicked
}

async function bareDialToInvite(page: Page, desk: UdpSipEndpoint): Promise<number> {
  const dialled = await page.evaluate(
    (target) => window.bare?.dial(target) ?? Number.NaN,
    `sip:${DESK_EXTENSION}@${SIP_DOMAIN}`
  )
  const arrival = await desk.nextInvite()
  return arrival.at - dialled
}

/** The desk phone calls the agent; the page stamps the frame the ringing view is painted in. */
async function inviteToRing(page: Page, desk: UdpSipEndpoint, extension: string): Promise<number> {
  await page.evaluate(() => {
    window.__benchRing = new Promise<number>((resolveRing) => {
      const status = document.querySelector('[role="status"][aria-label="Teléfono"]')
      if (!status) throw new Error('no phone status')
      const observer = new MutationObserver(() => {
        if (!status.textContent.includes('Llamada entrante')) return
        observer.disconnect()
        requestAnimationFrame(() => {
          resolveRing(performance.timeOrigin + performance.now())
        })
      })
      observer.observe(status, { childList: true, subtree: true, characterData: true })
    })
  })
  const { sentAt, final } = desk.invite(extension, 'Bench desk')
  const rang = await page.evaluate(() => window.__benchRing ?? Number.NaN)
  await page.getByRole('button', { name: 'Rechazar' }).click()
  await final
  await waitIdle(page)
  return rang - sentAt
}

/**
 * Resolves (inside the page) with the wall-clock time the first audio packets arrived on the
 * newest peer connection, waiting for that connection to exist if `after` is its index. The
 * receiver track's `unmute` marks the first RTP packet; `getStats` (cached by Chromium for up
 * to 50 ms, so late) confirms packets were counted if the event was missed.
 */
function watchFirstAudio(after: number): void {
  // No named inner functions: the bundler would wrap them in a helper the page does not have.
  window.__benchAudio = (async () => {
    let unmutedAt = 0
    let hooked = false
    for (;;) {
      const all = window.__e2ePeerConnections ?? []
      const pc = all.length > after ? all.at(-1) : undefined
      const track = pc?.getReceivers().find((r) => r.track.kind === 'audio')?.track
      if (track && !hooked) {
        hooked = true
        if (track.muted) {
          track.addEventListener('unmute', () => {
            unmutedAt = performance.timeOrigin + performance.now()
          })
        } else unmutedAt = performance.timeOrigin + performance.now()
      }
      if (unmutedAt > 0) return unmutedAt
      let packets = 0
      if (pc) {
        ;(await pc.getStats()).forEach(
          (report: { type: string; kind?: string; packetsReceived?: number }) => {
            if (report.type === 'inbound-rtp' && report.kind === 'audio') {
              packets += report.packetsReceived ?? 0
            }
          }
        )
      }
      if (unmutedAt > 0) return unmutedAt
      if (packets > 0) return performance.timeOrigin + performance.now()
      await new Promise((r) => setTimeout(r, 5))
    }
  })()
}

async function answerToAudio(caller: Page, callee: Page, extension: string): Promise<number> {
  await clickDial(caller, extension)
  await phoneStatus(callee).getByText('Llamada entrante').waitFor()
  const callerPcs = await caller.evaluate(() => (window.__e2ePeerConnections?.length ?? 1) - 1)
  await caller.evaluate(watchFirstAudio, callerPcs)
  const answeredAt = await callee.evaluate(() => {
    const before = window.__e2ePeerConnections?.length ?? 0
    const button = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Contestar'
    )
    if (!button) throw new Error('no answer button')
    const at = performance.timeOrigin + performance.now()
    button.click()
    return { at, before }
  })
  await callee.evaluate(watchFirstAudio, answeredAt.before)
  const heard = await Promise.all(
    [caller, callee].map((p) => p.evaluate(() => window.__benchAudio ?? Number.NaN))
  )
  await callee.getByRole('button', { name: 'Colgar' }).click()
  for (const page of [caller, callee]) {
    // The wrap-up ends only with a disposition.
    await new WorkstationPage(page).finishWithDisposition()
    await waitIdle(page)
  }
  return Math.max(...heard) - answeredAt.at
}

export async function benchCall(calls: number): Promise<void> {
  if (!existsSync(resolve(import.meta.dirname, '../../out/renderer/index.html'))) {
    throw new Error('bench:call serves the built browser edition: run `npm run build:app` first')
  }
  const dir = mkdtempSync(join(tmpdir(), 'atiende-bench-call-'))
  const proxy = await startSipProxy()
  const { kamailio } = proxy
  const server = await ServerProcess.create(proxy.serverEnv)
  const bareSite = await serveBareClient()
  const desk = await openDeskPhone(proxy)
  const phones: Phone[] = []
  try {
    await server.start()
    const ana = await launchPhone(toneFile(dir, 440))
    phones.push(ana)
    const bruno = await launchPhone(toneFile(dir, 1000))
    phones.push(bruno)
    await loginAgent(ana.page, server.url, 'ana')
    await loginAgent(bruno.page, server.url, 'bruno')
    const bare = await (await ana.browser.newContext()).newPage()
    const bareUri = encodeURIComponent(`sip:${BARE}@${SIP_DOMAIN}`)
    await bare.goto(`${bareSite.url}/?uri=${bareUri}&ws=${encodeURIComponent(kamailio.wsUrl)}`)
    await bare.waitForFunction(() => window.bare !== undefined)
    await bare.evaluate(() => window.bare?.ready)

    const dial: number[] = []
    const bareDial: number[] = []
    const ring: number[] = []
    const audio: number[] = []
    for (let i = 0; i < calls + WARM_UP; i++) {
      const keep = i >= WARM_UP
      const a = await atiendeDialToInvite(ana.page, desk)
      const b = await bareDialToInvite(bare, desk)
      const r = await inviteToRing(bruno.page, desk, '1002')
      const m = await answerToAudio(ana.page, bruno.page, '1002')
      if (keep) {
        dial.push(a)
        bareDial.push(b)
        ring.push(r)
        audio.push(m)
      }
    }
    const dialToInviteP95Ms = percentile(dial, 95)
    const bareDialToInviteP95Ms = percentile(bareDial, 95)
    emit({
      bench: 'call',
      calls,
      dialToInviteP50Ms: percentile(dial, 50),
      dialToInviteP95Ms,
      inviteToRingP50Ms: percentile(ring, 50),
      inviteToRingP95Ms: percentile(ring, 95),
      answerToAudioP50Ms: percentile(audio, 50),
      answerToAudioP95Ms: percentile(audio, 95),
      bareDialToInviteP50Ms: percentile(bareDial, 50),
      bareDialToInviteP95Ms,
      ratio: round(dialToInviteP95Ms / bareDialToInviteP95Ms, 2)
    })
  } finally {
    await Promise.all(phones.map((p) => p.browser.close()))
    await desk.close()
    await new Promise((done) => bareSite.server.close(done))
    await server.stop()
    await kamailio.stop()
    rmSync(server.dataDir, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchCall(Number(argValue('--calls') ?? 30))
}
