import { describe, expect, it } from 'vitest'

import { appEntryUrl, ConfigError, DEFAULT_SERVER_URL, loadConfig } from '@main/config'

describe('loadConfig', () => {
  it('defaults to the local central server', () => {
    expect(loadConfig({})).toEqual({ serverUrl: DEFAULT_SERVER_URL, sipServers: [], warnings: [] })
    expect(loadConfig({ ATIENDE_SERVER_URL: '  ' }).serverUrl).toBe(DEFAULT_SERVER_URL)
  })

  it('normalises the server URL: no trailing slash, query or fragment', () => {
    const config = loadConfig({ ATIENDE_SERVER_URL: 'https://cc.example.com/atiende/?x=1#y' })
    expect(config.serverUrl).toBe('https://cc.example.com/atiende')
    expect(config.warnings).toEqual([])
  })

  it('warns about plain http away from loopback', () => {
    const config = loadConfig({ ATIENDE_SERVER_URL: 'http://10.0.0.8:8787' })
    expect(config.serverUrl).toBe('http://10.0.0.8:8787')
    expect(config.warnings[0]).toMatch(/plain http/)
  })

  it.each(['not a url', 'ftp://example.com', 'javascript:alert(1)', 'https://u:p@example.com'])(
    'refuses the server URL %j',
    (value) => {
      expect(() => loadConfig({ ATIENDE_SERVER_URL: value })).toThrow(ConfigError)
    }
  )

  it('keeps wss SIP servers and ws only on loopback, warning about the rest', () => {
    const config = loadConfig({
      ATIENDE_SIP_SERVERS: 'wss://sip.example.com:8089/ws, ws://127.0.0.1:8081, ws://pbx.lan, junk,'
    })
    expect(config.sipServers).toEqual(['wss://sip.example.com:8089/ws', 'ws://127.0.0.1:8081/'])
    expect(config.warnings).toHaveLength(2)
  })
})

describe('appEntryUrl', () => {
  it('passes the server to the renderer in the query', () => {
    const url = new URL(appEntryUrl('https://cc.example.com/atiende'))
    expect(url.protocol).toBe('app:')
    expect(url.hostname).toBe('atiende')
    expect(url.pathname).toBe('/index.html')
    expect(url.searchParams.get('server')).toBe('https://cc.example.com/atiende')
  })

  it('can target the dev server instead', () => {
    expect(appEntryUrl('http://127.0.0.1:8787', 'http://localhost:5173/')).toBe(
      'http://localhost:5173/?server=http%3A%2F%2F127.0.0.1%3A8787'
    )
  })
})
