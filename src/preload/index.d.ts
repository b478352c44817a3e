/** What the preload adds to the renderer's `window`; absent in the browser edition. */
import type { DesktopApi } from '@shared/contract/desktop-api'

declare global {
  interface Window {
    desktop?: DesktopApi
  }
}

export {}
