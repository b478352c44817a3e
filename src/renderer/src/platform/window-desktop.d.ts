import type { DesktopApi } from '../../../shared/contract/desktop-api'

declare global {
  interface Window {
    /** Present only in the Electron app (exposed by the preload). */
    desktop?: DesktopApi
  }
}

export {}
