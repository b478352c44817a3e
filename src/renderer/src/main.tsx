import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app/App'
import { composeApp } from './app/compose-app'
import { initI18n } from './i18n'
// In this order: later sheets refine the earlier ones.
import './styles/base.css'
import './styles/shell.css'
import './styles/panels.css'

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
