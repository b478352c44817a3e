/// <reference types="node" />
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import { describe, expect, it } from 'vitest'

import { WriteLock } from '@renderer/workers/data/store/write-lock'

setFlagsFromString('--expose-gc')
const gc: unknown = runInNewContext('gc')

function collect(): void {
  if (typeof gc !== 'function') throw new Error('gc() is not available')
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- V8's gc() takes no arguments
  gc()
}

const tick = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0)
  })

describe('WriteLock', () => {
  it('runs holders one after another, in order, even after a failure', async () => {
    const lock = new WriteLock()
    const order: string[] = []
    const slow = lock.run(async () => {
      await tick()
      order.push('first')
    })
    const failing = lock.run(() => Promise.reject(new Error('boom')))
    const last = lock.run(() => {
      order.push('last')
      return Promise.resolve(3)
    })
    await slow
    await expect(failing).rejects.toThrow('boom')
    expect(await last).toBe(3)
    expect(order).toEqual(['first', 'last'])
  })

  it('keeps no reference to the last result (a snapshot returns the whole database)', async () => {
    const lock = new WriteLock()
    const refs: WeakRef<Uint8Array>[] = []
    await lock.run(() => {
      const exported = new Uint8Array(1024)
      refs.push(new WeakRef(exported))
      return Promise.resolve(exported)
    })
    await tick()
    collect()
    await tick()
    expect(refs).toHaveLength(1)
    expect(refs[0]?.deref()).toBeUndefined()
  })
})
