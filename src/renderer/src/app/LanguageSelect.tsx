import { useTranslation } from 'react-i18next'

import { changeLanguage, supportedLanguages } from '../i18n'

const names = { es: 'Español', en: 'English' } as const

export function LanguageSelect() {
  const { t, i18n } = useTranslation()
  return (
    <label className="language">
      {t('app.language')}
      <select
        value={i18n.language}
        onChange={(e) => {
          const lang = supportedLanguages.find((l) => l === e.target.value)
          if (lang) void changeLanguage(lang)
        }}
      >
        {supportedLanguages.map((l) => (
          <option key={l} value={l} lang={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </label>
  )
}
