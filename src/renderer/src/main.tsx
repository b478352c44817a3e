import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app/App'
import { composeApp } from './app/compose-app'
import { initI18n } from './i18n'
import './styles.css'

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
