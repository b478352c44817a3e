import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'

import { translations } from './resources'

export const supportedLanguages = ['es', 'en'] as const
export type UiLanguage = (typeof supportedLanguages)[number]

const LANGUAGE_KEY = 'atiende.language'

function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(LANGUAGE_KEY)
  if (saved === 'es' || saved === 'en') return saved
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'es'
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      es: { translation: translations.es },
      en: { translation: translations.en }
    },
    lng: initialLanguage(),
    fallbackLng: 'es',
    // React already escapes what it renders; escaping twice would show entities to the agent.
    interpolation: { escapeValue: false }
  })
  document.documentElement.lang = i18next.language
}

export async function changeLanguage(lang: UiLanguage): Promise<void> {
  // The language choice is a UI preference, the one kind of state allowed outside the journal.
  localStorage.setItem(LANGUAGE_KEY, lang)
  await i18next.changeLanguage(lang)
  document.documentElement.lang = lang
}
