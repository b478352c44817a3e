/**
 * `npm run bench:startup [-- --runs N] [--compare DIR]…`: the browser edition from page load to
 * the login screen, and from the login click to the agent desk, in Debian's Chromium, as one JSON
 * line per build. Each run is a fresh browser context (empty HTTP and code caches, as on a first
 * visit); the server is on loopback, so the figures are the page's own work (fetching from
 * loopback, parsing, compiling and running the scripts, styles, layout, paint), not a network.
 *
 * Each `--compare DIR` adds a build (another checkout's `out/renderer`), measured in the same
 * process and served by its own server on this code; the builds take turns run by run, in an
 * order reversed every other run, so all see the same load on a shared machine.
 *
 * Figures, all from the navigation's start (`performance.timeOrigin`) unless said otherwise:
 * - `firstPaintMs`, `firstContentfulPaintMs`: Chromium's paint timings;
 * - `loginVisibleMs`: the login form's user field is in the DOM, plus the next frame and one task
 *   (the frame that paints it has been produced), as the screen-pop bench times a card;
 * - `scriptKB`: JavaScript the page fetched before the login screen (decoded bytes);
 * - `loginToDeskMs`: from the login form's submit to the agent desk's customer card painted
 *   (the server checks the password and the data worker starts in between).
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'

import { chromium, type Browser } from '@playwright/test'

import { ServerProcess } from '@support/server-process'
import { chromiumArgs, chromiumPath } from '../../test/e2e/support/chromium'
import { emit, percentile, round } from './stats'

export interface StartupOptions {
  runs: number
  /** Other builds' `out/renderer`, measured in turn with this checkout's. */
  compare: readonly string[]
}

/** Discarded runs per build: the server's first answers warm its file reads. */
const WARM_UP = 1
/** The agent the runs log in as (demo data). */
const AGENT = 'ana'

interface StartupTiming {
  firstPaintMs: number
  firstContentfulPaintMs: number
  loginVisibleMs: number
  scriptKB: number
  loginToDeskMs: number
}

/**
 * Installed in every page before its scripts run. Plain JavaScript text: tsx would wrap named
 * functions written here in a helper that does not exist inside the page.
 */
const STAMPS = `
(() => {
  const afterPaint = (resolve, t0) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
  const whenPresent = (selector, t0) =>
    new Promise((resolve) => {
      if (document.querySelector(selector)) return afterPaint(resolve, t0)
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return
        observer.disconnect()
        afterPaint(resolve, t0)
      })
      observer.observe(document, { childList: true, subtree: true })
    })
  window.__benchLogin = whenPresent('input[name="username"]', 0)
  window.__benchDesk = new Promise((resolve) => {
    document.addEventListener(
      'submit',
      () => whenPresent('section.card', performance.now()).then(resolve),
      { capture: true, once: true }
    )
  })
})()
`

declare global {
  interface Window {
    __benchLogin?: Promise<number>
    __benchDesk?: Promise<number>
  }
}

async function measure(browser: Browser, url: string): Promise<StartupTiming> {
  const context = await browser.newContext({
    locale: 'es-ES',
    viewport: { width: 1440, height: 900 }
  })
  try {
    await context.addInitScript({ content: STAMPS })
    const page = await context.newPage()
    await page.goto(url)
    const loginVisibleMs = await page.evaluate(
      () => window.__benchLogin ?? Promise.reject(new Error('not stamped'))
    )
    // No named functions inside: see STAMPS.
    const paints = await page.evaluate((visibleAt) => {
      const timings: Record<string, number> = {}
      for (const entry of performance.getEntriesByType('paint')) {
        timings[entry.name] = entry.startTime
      }
      let scriptBytes = 0
      for (const entry of performance.getEntriesByType('resource')) {
        if (entry.startTime <= visibleAt && /\.js(\?|$)/.test(entry.name)) {
          scriptBytes += (entry as PerformanceResourceTiming).decodedBodySize
        }
      }
      return {
        firstPaintMs: timings['first-paint'] ?? -1,
        firstContentfulPaintMs: timings['first-contentful-paint'] ?? -1,
        scriptBytes
      }
    }, loginVisibleMs)
    await page.getByLabel('Usuario').fill(AGENT)
    await page.getByLabel('Contraseña').fill('atiende')
    await page.getByRole('button', { name: 'Entrar' }).click()
    const loginToDeskMs = await page.evaluate(
      () => window.__benchDesk ?? Promise.reject(new Error('not stamped'))
    )
    return {
      firstPaintMs: paints.firstPaintMs,
      firstContentfulPaintMs: paints.firstContentfulPaintMs,
      loginVisibleMs,
      scriptKB: round(paints.scriptBytes / 1000, 1),
      loginToDeskMs
    }
  } finally {
    await context.close()
  }
}

function summary(build: string, timings: readonly StartupTiming[]): Record<string, unknown> {
  const figure = (key: keyof StartupTiming) => {
    const values = timings.map((t) => t[key])
    return {
      [`${key.replace(/Ms$|KB$/, '')}P50${key.endsWith('KB') ? 'KB' : 'Ms'}`]: round(
        percentile(values, 50),
        1
      ),
      [`${key.replace(/Ms$|KB$/, '')}Range`]: [
        round(Math.min(...values), 1),
        round(Math.max(...values), 1)
      ]
    }
  }
  return {
    bench: 'startup',
    build,
    runs: timings.length,
    ...figure('loginVisibleMs'),
    ...figure('firstPaintMs'),
    ...figure('firstContentfulPaintMs'),
    ...figure('loginToDeskMs'),
    ...figure('scriptKB'),
    loadAverage: round(loadavg()[0] ?? 0, 1)
  }
}

export async function benchStartup(options: StartupOptions): Promise<void> {
  const builds = [
    resolve(import.meta.dirname, '../../out/renderer'),
    ...options.compare.map((d) => resolve(d))
  ]
  for (const dir of builds) {
    if (!existsSync(resolve(dir, 'index.html'))) {
      process.stderr.write(`bench:startup: skipped: no build in ${dir} (npm run build:app)\n`)
      return
    }
  }
  // A small demo cache: the desk's first render does not wait for the first sync.
  const servers = await Promise.all(
    builds.map((dir) =>
      ServerProcess.create({ ATIENDE_STATIC_DIR: dir, ATIENDE_SEED_CUSTOMERS: '1000' })
    )
  )
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() })
  try {
    // One after the other: seeding several at once on a busy machine took minutes.
    for (const server of servers) await server.start(300_000)
    const timings: StartupTiming[][] = builds.map(() => [])
    for (let run = 0; run < options.runs + WARM_UP; run++) {
      // ABBA…: the order is reversed every other run.
      const order = run % 2 === 0 ? servers : [...servers].reverse()
      for (const server of order) {
        const timing = await measure(browser, server.url)
        if (run >= WARM_UP) timings[servers.indexOf(server)]?.push(timing)
      }
    }
    builds.forEach((dir, i) => {
      emit(summary(dir, timings[i] ?? []))
    })
  } finally {
    await browser.close()
    for (const server of servers) {
      await server.stop()
      await rm(server.dataDir, { recursive: true, force: true })
    }
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function argValues(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name ? [process.argv[i + 1] ?? ''] : []))
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchStartup({
    runs: Number(argValue('--runs') ?? 15),
    compare: argValues('--compare')
  })
}
