import { describe, expect, it } from 'vitest'

import {
  findDialUriInArgv,
  isAppUrl,
  isLoopbackHost,
  isSafeExternalUrl,
  parseDialUri,
  toSafeExternalUrl,
  trustedRendererPredicate
} from '@main/security/trusted-url'

describe('isAppUrl', () => {
  it.each([
    'app://atiende/',
    'app://atiende/index.html?server=http%3A%2F%2F127.0.0.1%3A8787',
    'app://atiende',
    'app://atiende/assets/index-Ab12.js#x'
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true)
  })

  it.each([
    'app://atiende.evil.com/',
    'app://atiende@evil/',
    'app://atiende:pw@evil/',
    'app://user@atiende/',
    'app://atiende:8080/',
    'app://evil/atiende',
    'app://atıende/',
    'app://atiende%2eevil/',
    'https://atiende/',
    'file:///atiende/index.html',
    'javascript:alert(1)//app://atiende/',
    'APP://EVIL/',
    ' app://atiende/',
    'app://atiende/\n',
    'app://atiende\u200b/',
    'not a url',
    '',
    `app://atiende/${'a'.repeat(5000)}`
  ])('rejects %j', (url) => {
    expect(isAppUrl(url)).toBe(false)
  })
})

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com/help',
    'mailto:soporte@example.com',
    'tel:+34911234567',
    'HTTPS://EXAMPLE.COM/'
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' https://example.com',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'http://example.com',
    'vbscript:msgbox',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://',
    'https://exa mple.com/',
    'https://example.com/\u202eexe.txt',
    '//example.com/',
    '/relative/path',
    'app://atiende/',
    'not a url',
    ''
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('returns the parsed, normalised href (punycode for unicode hosts)', () => {
    expect(toSafeExternalUrl('https://exämple.com/a/../b')).toBe('https://xn--exmple-cua.com/b')
  })
})

describe('trustedRendererPredicate', () => {
  it('trusts only the app origin without a dev server', () => {
    const isTrusted = trustedRendererPredicate(null)
    expect(isTrusted('app://atiende/index.html')).toBe(true)
    expect(isTrusted('http://localhost:5173/')).toBe(false)
  })

  it('also trusts a loopback dev server origin, exactly', () => {
    const isTrusted = trustedRendererPredicate('http://localhost:5173/')
    expect(isTrusted('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(isTrusted('http://localhost:5174/')).toBe(false)
    expect(isTrusted('http://localhost.evil.com:5173/')).toBe(false)
  })

  it('ignores a dev server that is not on loopback', () => {
    const isTrusted = trustedRendererPredicate('http://evil.com:5173/')
    expect(isTrusted('http://evil.com:5173/')).toBe(false)
  })
})

describe('isLoopbackHost', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true)
  })
  it.each(['127.0.0.1.evil.com', '10.0.0.1', 'localhost.evil', '::1'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
  })
})

describe('parseDialUri', () => {
  it.each([
    ['tel:+34911234567', 'tel:+34911234567'],
    ['TEL:+34 911 23 45 67'.replaceAll(' ', '%20'), 'tel:+34911234567'],
    ['tel:+1-(555)-123.4567', 'tel:+15551234567'],
    ['tel://+34911234567', 'tel:+34911234567'],
    ['tel:%2B34911234567', 'tel:+34911234567'],
    ['tel:911234567;phone-context=+34', 'tel:911234567'],
    ['tel:*86#', 'tel:*86#'],
    ['  tel:+34911234567\n', 'tel:+34911234567'],
    ['sip:alice@PBX.Example.com', 'sip:alice@pbx.example.com'],
    ['sip:1001@10.0.0.5:5060;transport=ws', 'sip:1001@10.0.0.5:5060'],
    ['sips:bob@example.com?subject=hi', 'sips:bob@example.com'],
    ['sip:+34911234567@[2001:db8::1]', 'sip:+34911234567@[2001:db8::1]']
  ])('parses %j', (input, expected) => {
    expect(parseDialUri(input)).toBe(expected)
  })

  it.each([
    '',
    'tel:',
    'tel:abc',
    'tel:+34<script>',
    'tel:+34%3Cscript%3E',
    'tel:%E0%A4%A',
    'tel:+３４９１１',
    'tel:+34\u202e911',
    'tel:+34 911',
    `tel:+${'1'.repeat(40)}`,
    `tel:${'1'.repeat(300)}`,
    'sip:example.com',
    'sip:@example.com',
    'sip:alice@',
    'sip:alice@evil.com:99999',
    'sip:alice@evil.com:0',
    'sip:alice@-evil.com',
    'sip:ali ce@example.com',
    'sip:alice%00@example.com',
    'sip:alice@exa_mple.com',
    'sip:alice@ex\u0430mple.com',
    'sip:"Alice"<sip:alice@example.com>',
    'sip:a@b@example.com',
    'callto:+34911234567',
    'javascript:tel:+34',
    'https://example.com/tel:+34911234567',
    'tel\u0000:+34911234567'
  ])('refuses %j', (input) => {
    expect(parseDialUri(input)).toBeNull()
  })
})

describe('findDialUriInArgv', () => {
  it('finds the link among Chromium flags and paths', () => {
    const argv = ['/opt/Atiende/atiende', '--allow-file-access', '.', 'tel:+34911234567']
    expect(findDialUriInArgv(argv)).toBe('tel:+34911234567')
  })

  it('returns null when no argument is a dialable link', () => {
    expect(findDialUriInArgv(['/opt/Atiende/atiende', 'tel:nope', '--x'])).toBeNull()
  })
})
