/**
 * The tour the layout, accessibility and visual specs take: each role's workspaces, in either
 * language, and the agent desk ringing and in a call with the case tools open (a customer's call
 * through the phone system: those specs use `phoneSystem: true`). The page objects
 * speak Spanish; these helpers also find the English names, since the checks switch language in
 * place.
 */
import { expect, type Page } from '@playwright/test'

import type { Workstation } from '../pages/workstation'
import type { CustomerPhone } from './customer-phone'
import { knownCallerRings } from './known-caller'

export type Language = 'es' | 'en'
export type WorkspaceId = 'desk' | 'complaints' | 'team' | 'training' | 'quality' | 'admin'
export type ThemeName = 'light' | 'dark' | 'contrast'

/** The workspaces' full names, as the navigation's buttons are labelled (i18n `workspaces.*`). */
export const workspaceNames: Readonly<Record<Language, Readonly<Record<WorkspaceId, string>>>> = {
  es: {
    desk: 'Puesto de atención',
    complaints: 'Quejas',
    team: 'Equipo en vivo',
    training: 'Formación',
    quality: 'Calidad e informes',
    admin: 'Administración'
  },
  en: {
    desk: 'Agent desk',
    complaints: 'Complaints',
    team: 'Team live',
    training: 'Training',
    quality: 'Quality and reports',
    admin: 'Administration'
  }
}

/** One person per role and the workspaces the role has (see `app/workspaces/catalog.ts`). */
export const roleTour = [
  { user: 'ana', role: 'agent', workspaces: ['desk', 'complaints', 'quality'] },
  { user: 'carla', role: 'team_lead', workspaces: ['team', 'desk', 'complaints', 'quality'] },
  { user: 'tomas', role: 'trainer', workspaces: ['training', 'desk', 'complaints', 'quality'] },
  {
    user: 'admin',
    role: 'admin',
    workspaces: ['admin', 'desk', 'complaints', 'team', 'training', 'quality']
  }
] as const satisfies readonly { user: string; role: string; workspaces: readonly WorkspaceId[] }[]

const navigation = (page: Page) =>
  page.getByRole('navigation', { name: /^(Espacios de trabajo|Workspaces)$/ })

/** Opens `id` from the navigation and waits until it has loaded (no busy fallback left). */
export async function openWorkspace(page: Page, id: WorkspaceId, lang: Language): Promise<void> {
  const name = workspaceNames[lang][id]
  const button = navigation(page).getByRole('button', { name, exact: true })
  if ((await button.getAttribute('aria-current')) !== 'page') await button.click()
  await expect(button).toHaveAttribute('aria-current', 'page')
  await settle(page)
}

/** Waits for the split chunks, the fonts and the panels' own loading states to finish. */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.evaluate(async () => {
    await document.fonts.ready
  })
}

/** The user menu's select labelled `name`: opens the menu, chooses `value`, closes it. */
async function choose(page: Page, name: RegExp, value: string): Promise<void> {
  await page.getByRole('button', { name: /^(Menú de|.*'s menu)/ }).click()
  // By role: the select sits inside its <label>, whose text then includes every option.
  await page.getByRole('combobox', { name }).selectOption(value)
  await page.keyboard.press('Escape')
}

/** Switches the interface language from the user menu, in place. */
export async function setLanguage(page: Page, lang: Language): Promise<void> {
  await choose(page, /^(Idioma|Language)$/, lang)
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
}

/** Switches the theme from the user menu's "Tema"/"Theme" select, in place. */
export async function setTheme(page: Page, theme: ThemeName): Promise<void> {
  await choose(page, /^(Tema|Theme)$/, theme)
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

/**
 * The known caller's call ringing on `agent`'s desk (`ws`), the card popped; `caller` is his
 * phone (support/known-caller.ts).
 */
export async function ring(ws: Workstation, agent: string, caller: CustomerPhone): Promise<void> {
  await ws.openDesk()
  await knownCallerRings(ws, agent, caller)
  await expect(ws.softphone.answer).toBeVisible()
}

/** Answers the ringing call; the script starts beside the card. */
export async function answer(ws: Workstation): Promise<void> {
  await ws.softphone.answer.click()
  await expect(ws.softphone.status).toContainText('En llamada')
  await expect(ws.script.region).toBeVisible()
}

/** Answers the ringing call and opens the complaint tool beside the card and the script. */
export async function answerWithCaseTools(ws: Workstation): Promise<void> {
  await answer(ws)
  await ws.complaintForm.open()
  await expect(ws.complaintForm.form).toBeVisible()
}
