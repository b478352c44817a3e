/**
 * Accessibility (issue #16, item 6): axe-core finds no serious or critical violation on the login
 * page, on every workspace of every role, and on the agent desk while a call rings and while it
 * is up with the case tools open; the only exceptions are the reviewed entries of
 * support/axe-allowlist.ts.
 *
 * Languages and themes are switched in place from the user menu, as a person would. Each role's
 * workspaces are checked in two looks (a language and a theme each), chosen so that across the
 * spec every workspace is seen in both languages and every (language, theme) pair occurs: a full
 * matrix would be 100 axe runs, several seconds each on a busy 2-core machine.
 */
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'
import { openKnownCaller } from './support/known-caller'
import {
  answerWithCaseTools,
  openWorkspace,
  ring,
  setLanguage,
  setTheme,
  settle,
  type Language,
  type ThemeName,
  type WorkspaceId
} from './support/workspace-tour'

// bypassCSP: see support/axe.ts. Reduced motion: the ringing mark would pulse mid-measure. The
// desk rings with a customer's real call: the shared phone system.
test.use({
  bypassCSP: true,
  reducedMotion: 'reduce',
  viewport: { width: 1366, height: 768 },
  phoneSystem: true
})

type Look = readonly [Language, ThemeName]

/** Soft, so one run lists every view's violations. */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  await settle(page)
  expect.soft(await seriousViolations(page), `axe on ${view}`).toEqual([])
}

/** Moves to `look` in place: the language first (it re-renders every name), then the theme. */
async function wear(page: Page, [lang, theme]: Look): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang) await setLanguage(page, lang)
  await setTheme(page, theme)
}

const tours: readonly {
  user: string
  role: string
  workspaces: readonly WorkspaceId[]
  looks: readonly [Look, Look]
}[] = [
  {
    user: 'carla',
    role: 'team lead',
    workspaces: ['team', 'quality', 'complaints'],
    looks: [
      ['es', 'dark'],
      ['en', 'contrast']
    ]
  },
  {
    user: 'tomas',
    role: 'trainer',
    workspaces: ['training', 'quality'],
    looks: [
      ['es', 'contrast'],
      ['en', 'light']
    ]
  },
  // The desk and the complaint list are the same components for every role: the agent's tour
  // checks them in six looks (the lead's complaint list, with the team queue, in two more).
  {
    user: 'admin',
    role: 'admin',
    workspaces: ['admin', 'team', 'training', 'quality'],
    looks: [
      ['es', 'light'],
      ['en', 'dark']
    ]
  }
]

test('the login page, in each theme', async ({ page, workstation: ws }) => {
  // The first test of a run also waits for the shared server to start.
  test.setTimeout(90_000)
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    // No user menu before login: the theme is the workstation's stored choice (app/theme.ts).
    await page.evaluate((t) => {
      localStorage.setItem('atiende.theme', t)
    }, theme)
    await page.reload()
    await expect(ws.loginPage.form).toBeVisible()
    await expectNoSeriousViolations(page, `the login page (${theme})`)
  }
})

test('agent: desk and complaints, ringing, in a call with the case tools open', async ({
  page,
  phones,
  workstation: ws
}) => {
  test.setTimeout(120_000)
  const [caller] = await Promise.all([openKnownCaller(phones), ws.loginSynced('ana')])
  const looks: readonly Look[] = [
    ['es', 'light'],
    ['en', 'dark']
  ]
  for (const look of looks) {
    await wear(page, look)
    for (const id of ['desk', 'complaints'] as const) {
      await openWorkspace(page, id, look[0])
      await expectNoSeriousViolations(page, `ana ${id} (${look.join(', ')})`)
    }
  }
  // Ringing and in a call in the dark theme too: the call bar's filled buttons live there.
  await wear(page, ['es', 'dark'])
  await ring(ws, 'ana', caller)
  await expectNoSeriousViolations(page, 'ana desk ringing (es, dark)')
  await wear(page, ['en', 'contrast'])
  await expectNoSeriousViolations(page, 'ana desk ringing (en, contrast)')
  // The page objects answer in Spanish.
  await wear(page, ['es', 'contrast'])
  await answerWithCaseTools(ws)
  await expectNoSeriousViolations(page, 'ana desk in a call, case tools open (es, contrast)')
  await wear(page, ['en', 'dark'])
  await expectNoSeriousViolations(page, 'ana desk in a call, case tools open (en, dark)')
})

for (const { user, role, workspaces, looks } of tours) {
  test(`${role} (${user}): every workspace in two looks`, async ({ page, workstation: ws }) => {
    test.setTimeout(120_000)
    await ws.login(user)
    for (const look of looks) {
      await wear(page, look)
      for (const id of workspaces) {
        await openWorkspace(page, id, look[0])
        await expectNoSeriousViolations(page, `${user} ${id} (${look.join(', ')})`)
      }
    }
  })
}
