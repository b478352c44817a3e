import { describe, expect, it } from 'vitest'

import { createLogger } from '@main/logger'
import { createDialRouter } from '@main/services/dial-links'

const quiet = createLogger('dial-test')

describe('createDialRouter', () => {
  it('queues links until the renderer is attached, then forwards them in order', () => {
    const router = createDialRouter(quiet)
    router.dispatch('tel:+34911111111')
    router.dispatch('sip:alice@pbx.example.com')
    const sent: string[] = []
    router.attach((uri) => sent.push(uri))
    router.dispatch('tel:+34922222222')
    expect(sent).toEqual(['tel:+34911111111', 'sip:alice@pbx.example.com', 'tel:+34922222222'])
  })

  it('drops hostile links and forwards canonical URIs only', () => {
    const router = createDialRouter(quiet)
    const sent: string[] = []
    router.attach((uri) => sent.push(uri))
    router.dispatch('javascript:alert(1)')
    router.dispatch('tel:+34<img src=x>')
    router.dispatch('tel:+34-911-111-111')
    expect(sent).toEqual(['tel:+34911111111'])
  })

  it('queues again while detached and keeps only the most recent few', () => {
    const router = createDialRouter(quiet)
    router.attach(() => undefined)
    router.detach()
    for (let i = 0; i < 8; i++) router.dispatch(`tel:${i}`)
    const sent: string[] = []
    router.attach((uri) => sent.push(uri))
    expect(sent).toEqual(['tel:3', 'tel:4', 'tel:5', 'tel:6', 'tel:7'])
  })
})
