/**
 * Guards for every WebContents and session: no navigation away from the app, no new windows,
 * no <webview>, and only microphone and notification permissions for our own origin.
 * The decisions are pure functions; `installGuards` only wires them to Electron events.
 */
import type { Session, WebContents } from 'electron'

import { createLogger, errorFields } from '../logger'

import { isAppUrl, parseDialUri, toSafeExternalUrl } from './trusted-url'

const log = createLogger('web-contents-guards')

/** What the permission handlers know about a media request or check. */
export interface PermissionDetails {
  /** Request handler: the devices asked for. */
  mediaTypes?: readonly string[]
  /** Check handler: the device being checked. */
  mediaType?: string
}

export type UrlPredicate = (url: string) => boolean

/**
 * Whether a permission is granted: `media` for audio only (a softphone never needs the camera)
 * and `notifications`, both only for a trusted origin. Everything else is denied.
 */
export function decidePermission(
  permission: string,
  origin: string,
  details: PermissionDetails,
  isTrusted: UrlPredicate = isAppUrl
): boolean {
  if (!isTrusted(origin)) return false
  if (permission === 'notifications') return true
  if (permission !== 'media') return false
  if (details.mediaTypes !== undefined) {
    return details.mediaTypes.length > 0 && details.mediaTypes.every((type) => type === 'audio')
  }
  return details.mediaType === 'audio'
}

/** A navigation may proceed only to a trusted renderer URL. */
export function decideNavigation(url: string, isTrusted: UrlPredicate = isAppUrl): boolean {
  return isTrusted(url)
}

export type WindowOpenDecision =
  { kind: 'dial'; uri: string } | { kind: 'external'; url: string } | { kind: 'deny' }

/**
 * What to do with `window.open` / `target=_blank`: never a new window. tel:/sip: links dial in
 * this app (the OS would only bounce them back to us); safe external links open in the OS.
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  const dial = parseDialUri(url)
  if (dial !== null) return { kind: 'dial', uri: dial }
  // A tel: link we could not parse is garbage or hostile: don't hand it to the OS either.
  if (/^(?:tel|sips?):/i.test(url.trim())) return { kind: 'deny' }
  const external = toSafeExternalUrl(url)
  return external === null ? { kind: 'deny' } : { kind: 'external', url: external }
}

export interface GuardDeps {
  isTrusted: UrlPredicate
  openExternal: (url: string) => Promise<void>
  dial: (uri: string) => void
}

function blockNavigation(deps: GuardDeps, event: { preventDefault(): void }, url: string): void {
  if (decideNavigation(url, deps.isTrusted)) return
  event.preventDefault()
  const dial = parseDialUri(url)
  if (dial !== null) {
    deps.dial(dial)
    return
  }
  log.warn('blocked navigation', { url: url.slice(0, 200) })
}

function openWindowOutside(deps: GuardDeps, url: string): void {
  const decision = decideWindowOpen(url)
  if (decision.kind === 'dial') deps.dial(decision.uri)
  if (decision.kind === 'external') {
    deps.openExternal(decision.url).catch((error: unknown) => {
      log.warn('openExternal failed', errorFields(error))
    })
  }
  if (decision.kind === 'deny') log.warn('blocked window.open', { url: url.slice(0, 200) })
}

/** Wires the navigation, window-open and webview guards to one WebContents. */
export function installWebContentsGuards(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event) => {
    blockNavigation(deps, event, event.url)
  })
  // will-navigate covers the main frame; subframes (an injected iframe) are checked here.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !decideNavigation(event.url, deps.isTrusted)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    blockNavigation(deps, event, event.url)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('blocked <webview>')
  })
  contents.setWindowOpenHandler(({ url }) => {
    openWindowOutside(deps, url)
    return { action: 'deny' }
  })
}

/** Installs the permission handlers on a session (request and check must agree). */
export function installPermissionGuards(session: Session, isTrusted: UrlPredicate): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    const granted = decidePermission(
      permission,
      details.requestingUrl,
      mediaTypes === undefined ? {} : { mediaTypes },
      isTrusted
    )
    if (!granted) log.warn('denied permission request', { permission })
    callback(granted)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaType = details.mediaType
    return decidePermission(
      permission,
      requestingOrigin,
      mediaType === undefined ? {} : { mediaType },
      isTrusted
    )
  })
  // No HID/serial/USB device is ever needed by a softphone.
  session.setDevicePermissionHandler(() => false)
}
