import { describe, expect, it } from 'vitest'

import {
  decideNavigation,
  decidePermission,
  decideWindowOpen
} from '@main/security/web-contents-guards'
import { trustedRendererPredicate } from '@main/security/trusted-url'

describe('decidePermission', () => {
  const app = 'app://atiende/index.html'

  it('grants the microphone to the app', () => {
    expect(decidePermission('media', app, { mediaTypes: ['audio'] })).toBe(true)
    expect(decidePermission('media', 'app://atiende', { mediaType: 'audio' })).toBe(true)
  })

  it('denies the camera, even together with the microphone', () => {
    expect(decidePermission('media', app, { mediaTypes: ['video'] })).toBe(false)
    expect(decidePermission('media', app, { mediaTypes: ['audio', 'video'] })).toBe(false)
    expect(decidePermission('media', app, { mediaType: 'video' })).toBe(false)
  })

  it('denies media requests that do not say which device', () => {
    expect(decidePermission('media', app, { mediaTypes: [] })).toBe(false)
    expect(decidePermission('media', app, { mediaType: 'unknown' })).toBe(false)
    expect(decidePermission('media', app, {})).toBe(false)
  })

  it('grants notifications to the app', () => {
    expect(decidePermission('notifications', app, {})).toBe(true)
  })

  it.each([
    'geolocation',
    'display-capture',
    'openExternal',
    'clipboard-read',
    'midi',
    'hid',
    'usb',
    'serial',
    'fullscreen',
    'pointerLock',
    'unknown'
  ])('denies %s', (permission) => {
    expect(decidePermission(permission, app, { mediaTypes: ['audio'] })).toBe(false)
  })

  it.each([
    'https://evil.example',
    'app://atiende.evil.com',
    'app://atiende@evil',
    'file:///',
    'null',
    ''
  ])('denies everything to the origin %j', (origin) => {
    expect(decidePermission('media', origin, { mediaTypes: ['audio'] })).toBe(false)
    expect(decidePermission('notifications', origin, {})).toBe(false)
  })

  it('uses the given trust predicate (the dev server in development)', () => {
    const isTrusted = trustedRendererPredicate('http://localhost:5173')
    expect(
      decidePermission('media', 'http://localhost:5173', { mediaType: 'audio' }, isTrusted)
    ).toBe(true)
  })
})

describe('decideNavigation', () => {
  it('allows navigation inside the app only', () => {
    expect(decideNavigation('app://atiende/index.html#/settings')).toBe(true)
    expect(decideNavigation('app://atiende.evil.com/')).toBe(false)
    expect(decideNavigation('https://example.com/')).toBe(false)
    expect(decideNavigation('file:///etc/passwd')).toBe(false)
    expect(decideNavigation('javascript:alert(1)')).toBe(false)
  })
})

describe('decideWindowOpen', () => {
  it('dials tel: and sip: links in the app instead of opening anything', () => {
    expect(decideWindowOpen('tel:+34 911'.replace(' ', '%20'))).toEqual({
      kind: 'dial',
      uri: 'tel:+34911'
    })
    expect(decideWindowOpen('sip:alice@pbx.example.com')).toEqual({
      kind: 'dial',
      uri: 'sip:alice@pbx.example.com'
    })
  })

  it('opens safe external links in the OS', () => {
    expect(decideWindowOpen('https://example.com/help')).toEqual({
      kind: 'external',
      url: 'https://example.com/help'
    })
    expect(decideWindowOpen('mailto:a@example.com')).toEqual({
      kind: 'external',
      url: 'mailto:a@example.com'
    })
  })

  it.each([
    'app://atiende/index.html',
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'ms-officecmd:x',
    'tel:+34<script>'
  ])('denies %j', (url) => {
    expect(decideWindowOpen(url)).toEqual({ kind: 'deny' })
  })
})
