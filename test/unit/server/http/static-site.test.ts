import { describe, expect, it } from 'vitest'

import { contentSecurityPolicy } from '@server/http/static-site'

describe('contentSecurityPolicy', () => {
  it('allows WASM, blob workers and same-host sockets, plus configured sources', () => {
    const csp = contentSecurityPolicy('127.0.0.1:8787', ['wss://sip.example.com'])
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(csp).toContain("worker-src 'self' blob:")
    expect(csp).toContain(
      "connect-src 'self' ws://127.0.0.1:8787 wss://127.0.0.1:8787 wss://sip.example.com"
    )
    expect(csp).not.toContain('unsafe-eval;')
  })
})
