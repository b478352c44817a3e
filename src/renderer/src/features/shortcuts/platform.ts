import type { Platform } from '@shared/keyboard'

interface NavigatorWithUaData {
  readonly userAgentData?: { readonly platform?: string }
  readonly platform?: string
}

/** Mac or not: it decides whether Mod is ⌘ or Ctrl. Read once; the platform does not change. */
export function detectPlatform(nav: NavigatorWithUaData | undefined): Platform {
  const name = nav?.userAgentData?.platform ?? nav?.platform ?? ''
  return /mac|iphone|ipad/i.test(name) ? 'mac' : 'other'
}

let detected: Platform | undefined

export function currentPlatform(): Platform {
  detected ??= detectPlatform(typeof navigator === 'undefined' ? undefined : navigator)
  return detected
}
