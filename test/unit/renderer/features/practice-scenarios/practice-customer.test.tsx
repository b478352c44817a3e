/**
 * The practice customer on the desk (rendered as a view: the unit project has no DOM, and the
 * store's hooks read its initial state there): nothing on a real call; on a practice call, what
 * the persona said along the run's path, in the call's language, the newest line marked.
 */
import { describe, expect, it } from 'vitest'

import { PracticeCustomerView } from '@renderer/features/practice-scenarios/components/PracticeCustomerPanel'
import type { RunState } from '@shared/scripts/run-state'

import { winBackCall } from '../../support/practice-call'
import { render } from '../../support/render'

const at = '2026-12-07T10:00:00.000Z'
const run = (language: 'es' | 'en'): RunState => ({
  scriptId: 'complaint-intake',
  scriptVersion: 1,
  language,
  status: 'open',
  startedAt: at,
  path: [
    { nodeId: 'acknowledge', via: 'start', enteredAt: at, jumps: [] },
    { nodeId: 'category', via: 'next', enteredAt: at, jumps: [], answer: 'billing' }
  ],
  confirmations: [],
  effects: [],
  log: []
})

describe('the practice customer panel', () => {
  it('shows nothing on a call that is not practice', async () => {
    const view = <PracticeCustomerView practice={null} run={run('es')} catalogVersion={0} />
    expect((await render(view)).html).toBe('')
  })

  it("says the persona's lines along the path, the newest marked", async () => {
    const { html, text } = await render(
      <PracticeCustomerView practice={winBackCall} run={run('es')} catalogVersion={0} />
    )
    expect(text).toContain('Cliente de práctica: Marta')
    expect(text).toContain('Es la segunda vez que me cobran dos veces el mismo mes.')
    expect(html).toMatch(/<li class="latest"><q>Es un problema con la factura\.<\/q><\/li>/)
  })

  it('speaks the run’s language, and waits before the script starts', async () => {
    const english = (
      <PracticeCustomerView practice={winBackCall} run={run('en')} catalogVersion={0} />
    )
    expect((await render(english, 'en')).text).toContain('It is a problem with the bill.')
    const before = <PracticeCustomerView practice={winBackCall} run={null} catalogVersion={0} />
    expect((await render(before)).text).toContain('El cliente habla cuando empieza el guion.')
  })

  it('keeps the last three steps in view and folds the earlier ones', async () => {
    const long = run('es')
    long.path.push(
      { nodeId: 'expected', via: 'next', enteredAt: at, jumps: [] },
      { nodeId: 'received', via: 'next', enteredAt: at, jumps: [] }
    )
    const { html, text } = await render(
      <PracticeCustomerView practice={winBackCall} run={long} catalogVersion={0} />
    )
    expect(text).toContain('Lo dicho antes (1 paso)')
    expect(html.indexOf('Es la segunda vez')).toBeLessThan(html.indexOf('</details>'))
    expect(html).toMatch(
      /<li class="latest"><q>Nada\. Y este mes me han vuelto a cobrar dos veces\.<\/q>/
    )
  })
})
