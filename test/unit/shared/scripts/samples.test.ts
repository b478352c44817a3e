import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { applyEvent, startRun } from '@shared/scripts/interpreter'
import type { RunContext } from '@shared/scripts/run-context'
import type { RunEvent } from '@shared/scripts/run-state'
import { checkScriptSource } from '@shared/scripts/script-source'
import { context, customer, expectOk, scriptFrom } from './support'

const dir = join(import.meta.dirname, '../../../../resources/scripts')
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f))
const load = (name: string) => scriptFrom(readFileSync(join(dir, name), 'utf8'))

function walk(file: string, events: RunEvent[], ctx: Partial<RunContext> = {}) {
  const script = load(file)
  let result = expectOk(startRun(script, context('10:00:00', ctx)))
  for (const event of events) {
    result = expectOk(applyEvent(script, result.state, event, context('10:00:01', ctx)))
  }
  return result
}

describe('sample scripts', () => {
  it('ships the four samples', () => {
    expect(files.sort()).toEqual([
      'complaint-intake.yaml',
      'inbound-service.yaml',
      'outbound-retention.yaml',
      'satisfaction-survey.yaml'
    ])
  })

  it.each(files)('%s passes the validator', (file) => {
    expect(checkScriptSource(readFileSync(join(dir, file), 'utf8')).issues).toEqual([])
  })

  it('inbound: a technical fault after hours books a callback on the chosen day', () => {
    const tokyo = { timeZone: 'Asia/Tokyo' } // 10:00 UTC is 19:00 there: support is open
    const open = walk(
      'inbound-service.yaml',
      [{ type: 'next' }, { type: 'chooseOption', index: 2 }],
      tokyo
    )
    expect(open.effects[0]?.effect).toMatchObject({ type: 'transfer' })
    const closed = walk(
      'inbound-service.yaml',
      [
        { type: 'next' },
        { type: 'chooseOption', index: 2 },
        { type: 'answer', value: '2026-03-04' },
        { type: 'next' }
      ],
      { timeZone: 'Pacific/Auckland' } // 23:00 there
    )
    expect(closed.effects[0]?.effect).toMatchObject({
      type: 'schedule_callback',
      due: { date: '2026-03-04' }
    })
    expect(closed.view.step.text).toBe('Rellamada programada para el 2026-03-04.')
  })

  it('complaint intake: the gap and the dimension end up in the complaint', () => {
    const { effects } = walk('complaint-intake.yaml', [
      { type: 'next' },
      { type: 'chooseOption', index: 4 },
      { type: 'answer', value: 'entrega el lunes' },
      { type: 'next' },
      { type: 'answer', value: 'llegó el viernes' },
      { type: 'next' },
      { type: 'chooseOption', index: 2 },
      { type: 'answer', value: 3 },
      { type: 'next' }
    ])
    expect(effects[0]?.effect).toEqual({
      type: 'create_complaint',
      category: 'delivery',
      description:
        'Esperaba: entrega el lunes. Recibió: llegó el viernes. Dimensión: Capacidad de respuesta. Impacto 3/5.',
      customerId: customer().id
    })
  })

  it('retention: the disclosure blocks closing and an objection returns to the offer', () => {
    const events: RunEvent[] = [
      { type: 'next' },
      { type: 'next' },
      { type: 'chooseOption', index: 1 },
      { type: 'answer', value: 8 },
      { type: 'next' },
      { type: 'next' },
      { type: 'jump', jumpId: 'objection-price' },
      { type: 'next' },
      { type: 'chooseOption', index: 1 },
      { type: 'next' }
    ]
    const back = walk('outbound-retention.yaml', events)
    expect(back.view.step.nodeId).toBe('offer-answer')
    const sold = walk('outbound-retention.yaml', [...events, { type: 'chooseOption', index: 1 }])
    expect(sold.view.step.nodeId).toBe('end-sale')
    expect(sold.view.closeBlockers).toEqual([
      { code: 'mandatory_unconfirmed', nodeId: 'disclosure' }
    ])
    const closed = walk('outbound-retention.yaml', [
      ...events,
      { type: 'chooseOption', index: 1 },
      { type: 'confirm', nodeId: 'disclosure' },
      { type: 'close' }
    ])
    expect(closed.state.outcome).toBe('sale')
  })

  it('survey: a detractor is asked what to improve; the thanks quotes both scores', () => {
    const { view } = walk(
      'satisfaction-survey.yaml',
      [
        { type: 'chooseOption', index: 1 },
        { type: 'answer', value: 2 },
        { type: 'next' },
        { type: 'answer', value: 4 },
        { type: 'next' },
        { type: 'answer', value: 'más rapidez' },
        { type: 'next' }
      ],
      { language: 'en' }
    )
    expect(view.step.text).toBe('Thank you for your answers: CSAT 2/5, NPS 4/10.')
  })
})
