/**
 * Renders a component to markup in Spanish or English (the unit project has no DOM): enough to
 * read what it says, which buttons and states it shows, and that names stay text.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'

import { translations } from '@renderer/i18n/resources'

const i18n: I18n = i18next.createInstance()
const ready = i18n.init({
  resources: {
    es: { translation: translations.es },
    en: { translation: translations.en }
  },
  lng: 'es',
  interpolation: { escapeValue: false }
})

export async function render(
  element: ReactElement,
  language: 'es' | 'en' = 'es'
): Promise<{ html: string; text: string; t: TFunction }> {
  await ready
  await i18n.changeLanguage(language)
  const html = renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>)
  return { html, text: textOf(html), t: i18n.getFixedT(language) }
}

export async function translator(language: 'es' | 'en' = 'es'): Promise<TFunction> {
  await ready
  return i18n.getFixedT(language)
}

/** The markup's text, tags dropped and entities read back. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The opening tags of the buttons, with their text: `[{ attrs, text }]`. */
export function buttons(html: string): { attrs: string; text: string }[] {
  return [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((m) => ({
    attrs: m[1] ?? '',
    text: textOf(m[2] ?? '')
  }))
}
