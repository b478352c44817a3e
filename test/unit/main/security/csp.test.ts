import { describe, expect, it } from 'vitest'

import { buildCsp, connectSources } from '@main/security/csp'

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split('; ').map((part) => {
      const [name = '', ...values] = part.split(' ')
      return [name, values]
    })
  )
}

describe('buildCsp', () => {
  const csp = buildCsp({
    serverUrl: 'https://atiende.example.com/api',
    sipServers: ['wss://sip.example.com:8089/ws']
  })
  const parsed = directives(csp)

  it('locks everything to self by default', () => {
    expect(parsed.get('default-src')).toEqual(["'self'"])
    expect(parsed.get('object-src')).toEqual(["'none'"])
    expect(parsed.get('base-uri')).toEqual(["'none'"])
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('allows WebAssembly compilation but no eval and no inline script', () => {
    expect(parsed.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
  })

  it('allows blob workers, blob media, data images and inline styles', () => {
    expect(parsed.get('worker-src')).toEqual(["'self'", 'blob:'])
    expect(parsed.get('media-src')).toEqual(["'self'", 'blob:'])
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:'])
    expect(parsed.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
  })

  it('connects only to self, the server (https+wss) and the SIP server origins', () => {
    expect(parsed.get('connect-src')).toEqual([
      "'self'",
      'https://atiende.example.com',
      'wss://atiende.example.com',
      'wss://sip.example.com:8089'
    ])
  })
})

describe('connectSources', () => {
  it('pairs a plain http server with ws (loopback development)', () => {
    expect(connectSources({ serverUrl: 'http://127.0.0.1:8787', sipServers: [] })).toEqual([
      "'self'",
      'http://127.0.0.1:8787',
      'ws://127.0.0.1:8787'
    ])
  })

  it('drops values that are not URLs of an allowed scheme instead of injecting them', () => {
    const sources = connectSources({
      serverUrl: "https://x.example; script-src 'unsafe-inline'",
      sipServers: ['wss://ok.example; script-src *', 'https://not-a-ws.example', 'javascript:1']
    })
    expect(sources.join(' ')).not.toMatch(/[;']unsafe|script-src|javascript/)
    expect(sources).not.toContain('https://not-a-ws.example')
  })

  it('serialises unicode hosts as punycode and deduplicates', () => {
    expect(
      connectSources({
        serverUrl: 'https://bücher.example/',
        sipServers: ['wss://bücher.example/', 'wss://bücher.example/other']
      })
    ).toEqual(["'self'", 'https://xn--bcher-kva.example', 'wss://xn--bcher-kva.example'])
  })
})
