import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { applyTheme, storedTheme, themes, type Theme } from './theme'

export function ThemeSelect() {
  const { t } = useTranslation()
  const [theme, setTheme] = useState<Theme>(storedTheme)
  return (
    <label className="inline-field">
      {t('theme.label')}
      <select
        value={theme}
        onChange={(e) => {
          const next = themes.find((x) => x === e.target.value) ?? 'system'
          applyTheme(next)
          setTheme(next)
        }}
      >
        {themes.map((x) => (
          <option key={x} value={x}>
            {t(`theme.${x}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
