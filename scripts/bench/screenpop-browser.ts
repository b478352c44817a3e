/**
 * SIP INVITE received → card painted, in Debian's Chromium on the browser edition: bruno logs in,
 * his line registers on a real Kamailio, the whole cache syncs; then a desk phone in this Node
 * process calls him through Kamailio as a known customer, and the page times each pop from the
 * moment its WebSocket delivers the INVITE to the first frame after the customer's name is in
 * the card. Bruno rejects each call and is available again before the next one.
 */
import { chromium, type Page } from '@playwright/test'

import { chromiumArgs, chromiumPath } from '../../test/e2e/support/chromium'
import { loginAgent, openDeskPhone, waitIdle, type SipProxy } from './sip-rig'
import { percentile, round } from './stats'
import type { UdpSipEndpoint } from './udp-sip-endpoint'

/** Bruno's extension in the demo data. */
const AGENT_EXTENSION = '1002'
/** Discarded pops: the first ones compile code paths the later ones reuse. */
const WARM_UP = 2

interface Caller {
  /** The customer the card must show. */
  name: string
  displayName: string | null
  /** The From user part, as a carrier would signal it (no spaces in a SIP URI). */
  number: string
  headers: string[]
}

/**
 * Two callers found by different indexes: José by his national number, Carmen by the X-Account
 * header an IVR adds to a withheld call (demo data).
 */
const callers: readonly [Caller, Caller] = [
  { name: 'José Núñez Peña', displayName: 'José Núñez', number: '612345678', headers: [] },
  {
    name: 'Carmen Ortega Ruiz',
    displayName: null,
    number: 'anonymous',
    headers: ['X-Account: CUST-0000002']
  }
]

interface PopTiming {
  ms: number
  frame: number
}

declare global {
  interface Window {
    /** Armed by `armPop`; called once with `performance.now()` when an INVITE arrives. */
    __benchOnInvite?: ((at: number) => void) | undefined
    __benchPop?: Promise<PopTiming>
  }
}

export interface BrowserFigures {
  firstSyncMs: number
  popP50Ms: number
  popP95Ms: number
  /** The frame that painted the card, counted from the INVITE (1 = the first frame after it). */
  popFrameP50: number
  popFrameP95: number
  /** Share of pops painted in the first frame after the INVITE. */
  popFirstFrameShare: number
  pops: number
}

/**
 * Init script: t0 is when the page's JavaScript receives the INVITE. SIP.js adds its `message`
 * listener right after `new WebSocket(...)`, so a listener added inside the constructor is the
 * socket's first and runs before SIP.js parses anything or the app reacts. A Proxy rather than a
 * subclass, and handlers assigned to properties: tsx wraps named classes and object-literal
 * functions in a helper that does not exist inside the page.
 */
function stampInvites(): void {
  const handler: ProxyHandler<typeof WebSocket> = {}
  handler.construct = (Native, args: ConstructorParameters<typeof WebSocket>) => {
    const socket = new Native(...args)
    socket.addEventListener('message', (event: MessageEvent) => {
      const armed = window.__benchOnInvite
      if (!armed || typeof event.data !== 'string' || !event.data.startsWith('INVITE ')) return
      window.__benchOnInvite = undefined
      armed(performance.now())
    })
    return socket
  }
  window.WebSocket = new Proxy(window.WebSocket, handler)
}

/**
 * Runs inside the page before the desk phone calls: `window.__benchPop` resolves with the ms from
 * the INVITE until the name is painted and the frame that painted it, counted from the INVITE
 * (1: the first frame the browser produced after it, as soon as a card can be on screen).
 */
function armPop(expectedName: string): void {
  const card = document.querySelector('section.card')
  if (!card) throw new Error('card not found')
  window.__benchPop = new Promise((resolve, reject) => {
    let t0 = 0
    let frames = 0
    let counting = true
    const loop: { tick?: () => void } = {}
    loop.tick = () => {
      if (!counting || !loop.tick) return
      frames += 1
      requestAnimationFrame(loop.tick)
    }
    const observer = new MutationObserver(() => {
      if (t0 === 0 || card.querySelector('article h3')?.textContent !== expectedName) return
      observer.disconnect()
      clearTimeout(giveUp)
      // The frame after the DOM change: the card is on screen.
      requestAnimationFrame(() => {
        counting = false
        const frame = frames
        setTimeout(() => {
          resolve({ ms: performance.now() - t0, frame })
        }, 0)
      })
    })
    observer.observe(card, { childList: true, subtree: true, characterData: true })
    const giveUp = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`no card for ${expectedName}; the card reads: ${card.textContent}`))
    }, 15_000)
    window.__benchOnInvite = (at) => {
      t0 = at
      // Requested in the INVITE's own task, before SIP.js has seen it: the counter's callback
      // comes before any the pop requests, so it runs first in every frame from here on.
      if (loop.tick) requestAnimationFrame(loop.tick)
    }
  })
}

async function pop(page: Page, desk: UdpSipEndpoint, i: number): Promise<PopTiming> {
  const caller = callers[i % callers.length] ?? callers[0]
  await page.evaluate(armPop, caller.name)
  const { final } = desk.invite(AGENT_EXTENSION, caller.displayName, {
    number: caller.number,
    headers: caller.headers
  })
  const timing = await page.evaluate(
    () => window.__benchPop ?? Promise.reject(new Error('pop not armed'))
  )
  await page.getByRole('button', { name: 'Rechazar' }).click()
  await final
  await waitIdle(page)
  return timing
}

export async function benchBrowserPop(
  url: string,
  proxy: SipProxy,
  pops: number
): Promise<BrowserFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() })
  const desk = await openDeskPhone(proxy)
  try {
    const context = await browser.newContext({ locale: 'es-ES' })
    await context.addInitScript(stampInvites)
    const page = await context.newPage()
    const t0 = performance.now()
    await loginAgent(page, url, 'bruno')
    const sync = page.getByRole('status', { name: 'Estado de sincronización' })
    await sync.waitFor()
    // Ready once the first pass pulled the whole cache: the last sync stops reading "never".
    await page.waitForFunction(
      (el) => !el.textContent.includes('nunca'),
      await sync.elementHandle(),
      {
        timeout: 3_600_000,
        polling: 250
      }
    )
    const firstSyncMs = performance.now() - t0
    const samples: number[] = []
    const frames: number[] = []
    for (let i = 0; i < pops + WARM_UP; i++) {
      const timing = await pop(page, desk, i)
      if (i < WARM_UP) continue
      samples.push(timing.ms)
      frames.push(timing.frame)
    }
    return {
      firstSyncMs: round(firstSyncMs, 0),
      popP50Ms: percentile(samples, 50),
      popP95Ms: percentile(samples, 95),
      popFrameP50: percentile(frames, 50),
      popFrameP95: percentile(frames, 95),
      popFirstFrameShare: round(frames.filter((f) => f <= 1).length / frames.length, 2),
      pops: samples.length
    }
  } finally {
    await desk.close()
    await browser.close()
  }
}
