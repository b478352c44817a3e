/// <reference types="node" />
/**
 * The store keeps the configuration decoded between reads (panels ask for it after every
 * agent-state change); a pulled configuration change must still show at the next read.
 */
import { describe, expect, it } from 'vitest'

import type { StreamLine } from '@renderer/workers/data/sync/bulk-stream'
import type { PauseReason } from '@shared/domain/configuration'
import { customer, useTestStores } from '@support/worker-store'

const pause = (code: string, es: string): PauseReason => ({
  code,
  label: { es, en: es },
  paid: true,
  maxMinutes: null,
  selectable: true,
  active: true,
  sortOrder: 1
})

async function* lines(...text: string[]): AsyncGenerator<StreamLine[]> {
  await Promise.resolve()
  yield text
}

describe('configuration read from the local store', () => {
  const { openStore } = useTestStores()

  it('shows a pause reason pulled after an earlier read, and is read once between changes', async () => {
    const store = await openStore()
    expect(store.configuration.current().pauseReasons).toEqual([])
    store.applyPull([{ seq: 1, entity: 'pause_reason', data: pause('break', 'Descanso') }], 1)
    const first = store.configuration.current()
    expect(first.pauseReasons.map((p) => p.label.es)).toEqual(['Descanso'])

    // A record changes no configuration: the decoded snapshot stays.
    store.applyPull([{ seq: 2, entity: 'customer', data: customer() }], 2)
    expect(store.configuration.current()).toBe(first)

    store.applyPull([{ seq: 3, entity: 'pause_reason', data: pause('break', 'Pausa corta') }], 3)
    expect(store.configuration.current().pauseReasons.map((p) => p.label.es)).toEqual([
      'Pausa corta'
    ])
  })

  it('shows configuration that arrived in the initial load after an earlier read', async () => {
    const store = await openStore()
    expect(store.configuration.current().pauseReasons).toEqual([])
    await store.applyBulk(
      lines(
        JSON.stringify({ seq: 1, entity: 'pause_reason', data: pause('lunch', 'Comida') }),
        '{"cursor":1}'
      )
    )
    expect(store.configuration.current().pauseReasons.map((p) => p.code)).toEqual(['lunch'])
  })
})
