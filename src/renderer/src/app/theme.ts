/**
 * The colour theme: the OS's (light or dark), always light, always dark, or the app's own high
 * contrast. Kept per workstation, not per user: it suits the screen and the room. Applied to
 * <html> before the first paint so a dark room never sees a white flash.
 */
export const themes = ['system', 'light', 'dark', 'contrast'] as const
export type Theme = (typeof themes)[number]

const KEY = 'atiende.theme'

function isTheme(value: string | null): value is Theme {
  return value !== null && (themes as readonly string[]).includes(value)
}

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY)
    return isTheme(value) ? value : 'system'
  } catch {
    return 'system'
  }
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    // A private window without storage: the choice lasts for this page only.
  }
}
