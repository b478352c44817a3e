import { describe, expect, it } from 'vitest'

import { practiceTranscript } from '@shared/practice'
import type { PathStep, RunState } from '@shared/scripts/run-state'
import { sample } from './support'

const at = '2026-12-07T10:00:00.000Z'

function run(steps: Omit<PathStep, 'enteredAt' | 'jumps'>[]): RunState {
  return {
    scriptId: 'complaint-intake',
    scriptVersion: 1,
    language: 'es',
    status: 'open',
    startedAt: at,
    path: steps.map((s) => ({ ...s, enteredAt: at, jumps: [] })),
    confirmations: [],
    effects: [],
    log: []
  }
}

describe('the practice transcript (what the customer said along the path)', () => {
  const { scenario, script } = sample('win-back-high-value')
  const context = { scenario, script, language: 'es' as const }

  it('gives each step’s lines in order, in the call’s language', () => {
    const state = run([
      { nodeId: 'acknowledge', via: 'start' },
      { nodeId: 'category', via: 'next', answer: 'billing' },
      { nodeId: 'expected', via: 'next' }
    ])
    expect(practiceTranscript(context, state)).toEqual([
      {
        nodeId: 'acknowledge',
        lines: ['Es la segunda vez que me cobran dos veces el mismo mes. Estoy pensando en irme.'],
        reactions: ['lines']
      },
      { nodeId: 'category', lines: ['Es un problema con la factura.'], reactions: ['lines'] },
      {
        nodeId: 'expected',
        lines: ['Esperaba que me devolvieran el cargo de enero, como me prometieron.'],
        reactions: ['lines']
      }
    ])
  })

  it('objects to a wrong answer, and a step undone takes its lines with it', () => {
    const wrong = run([
      { nodeId: 'acknowledge', via: 'start' },
      { nodeId: 'category', via: 'next', answer: 'delivery' }
    ])
    expect(practiceTranscript(context, wrong).at(-1)).toEqual({
      nodeId: 'category',
      lines: ['Es un problema con la factura.', 'No, no es eso lo que le he dicho.'],
      reactions: ['lines', 'wrong_answer']
    })
    const undone = run([{ nodeId: 'acknowledge', via: 'start' }])
    expect(practiceTranscript(context, undone).map((e) => e.nodeId)).toEqual(['acknowledge'])
  })

  it('speaks English on an English call', () => {
    const state = run([{ nodeId: 'acknowledge', via: 'start' }])
    expect(practiceTranscript({ ...context, language: 'en' }, state)[0]?.lines).toEqual([
      'This is the second time you have charged me twice for the same month. I am thinking of leaving.'
    ])
  })

  it('answers a grant made in the complaint tool after the step that was on screen', () => {
    const later = (seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString()
    const state: RunState = {
      ...run([
        { nodeId: 'acknowledge', via: 'start' },
        { nodeId: 'category', via: 'next', answer: 'billing' }
      ]),
      path: [
        { nodeId: 'acknowledge', via: 'start', enteredAt: at, jumps: [] },
        { nodeId: 'category', via: 'next', enteredAt: later(20), jumps: [], answer: 'billing' }
      ]
    }
    const entries = practiceTranscript(context, state, [
      { at: later(30), event: { type: 'compensation', amount: 20 } },
      { at: later(10), event: { type: 'compensation', amount: 50 } }
    ])
    expect(entries.map((e) => [e.nodeId, e.reactions])).toEqual([
      ['acknowledge', ['lines', 'compensation_accepted']],
      ['category', ['lines', 'compensation_too_low']]
    ])
    expect(entries[0]?.lines.at(-1)).toBe('De acuerdo, con ese abono me quedo.')
  })
})
