/**
 * Ring → card painted, in Debian's Chromium on the browser edition: log in, wait for the first
 * sync of the whole cache, then ring practice calls and time each pop inside the page, from the
 * click that rings (the practice call rings synchronously, like a SIP INVITE handler) to the
 * first frame after the customer's name is in the card.
 */
import { chromium, type Page } from '@playwright/test'

import { chromiumArgs, chromiumPath } from '../../test/e2e/support/chromium'
import { percentile, round } from './stats'

/** Two callers found by different indexes: José by number, Carmen by a CTI header. */
const callers = [
  { scenario: 'Cliente conocido (número nacional)', name: 'José Núñez Peña' },
  { scenario: 'Cliente identificado por el IVR', name: 'Carmen Ortega Ruiz' }
] as const

export interface BrowserFigures {
  firstSyncMs: number
  popP50Ms: number
  popP95Ms: number
  /** The frame that painted the card, counted from the ring (1 = the first frame after it). */
  popFrameP50: number
  popFrameP95: number
  /** Share of pops painted in the first frame after the ring. */
  popFirstFrameShare: number
  pops: number
}

async function login(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByLabel('Usuario').fill('bruno')
  await page.getByLabel('Contraseña').fill('atiende')
  await page.getByRole('button', { name: 'Entrar' }).click()
}

/**
 * Runs inside the page: rings, then resolves with the ms until the name is painted and the
 * frame that painted it, counted from the ring (1: the first frame the browser produced after
 * the INVITE, which is as soon as a card can be on screen).
 */
function timePop(expectedName: string): Promise<{ ms: number; frame: number }> {
  return new Promise((resolve, reject) => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Iniciar llamada de práctica'
    )
    const card = document.querySelector('section.card')
    if (!button || !card) {
      reject(new Error('start button or card not found'))
      return
    }
    let t0 = 0
    let frames = 0
    let counting = true
    // Registered before any callback of the pop, so it runs first in every frame. (Assigned to a
    // property: tsx wraps named functions in a helper that does not exist inside the page.)
    const loop: { tick?: () => void } = {}
    loop.tick = () => {
      if (!counting || !loop.tick) return
      frames += 1
      requestAnimationFrame(loop.tick)
    }
    const observer = new MutationObserver(() => {
      if (card.querySelector('article h3')?.textContent !== expectedName) return
      observer.disconnect()
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
    t0 = performance.now()
    requestAnimationFrame(loop.tick)
    button.click()
  })
}

async function pop(page: Page, i: number): Promise<{ ms: number; frame: number }> {
  const caller = callers[i % callers.length] ?? callers[0]
  await page.getByLabel('Escenario de práctica').selectOption({ label: caller.scenario })
  const timing = await page.evaluate(timePop, caller.name)
  await page.getByRole('button', { name: 'Rechazar' }).click()
  await page.getByRole('status', { name: 'Teléfono' }).getByText('Disponible').waitFor()
  return timing
}

export async function benchBrowserPop(url: string, pops: number): Promise<BrowserFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() })
  try {
    const page = await (await browser.newContext({ locale: 'es-ES' })).newPage()
    const t0 = performance.now()
    await login(page, url)
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
    // Two warm-up rings: the first pops compile code paths the later ones reuse.
    for (let i = 0; i < pops + 2; i++) {
      const timing = await pop(page, i)
      if (i < 2) continue
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
    await browser.close()
  }
}
