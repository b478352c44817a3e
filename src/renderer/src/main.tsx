import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import '@fontsource-variable/inter'

import { App } from './app/App'
import { composeApp } from './app/compose-app'
import { applyTheme, storedTheme } from './app/theme'
import { initI18n } from './i18n'
// In this order: later sheets refine the earlier ones.
import './styles/tokens.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/panels.css'
import './styles/workspaces.css'

applyTheme(storedTheme())
await initI18n()
const services = composeApp()
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>
  )
}
