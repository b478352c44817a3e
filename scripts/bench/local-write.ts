/**
 * The agent's write path in the data worker's store, on real files with fdatasync: journal
 * append + sql.js apply + acknowledge, then a reopen that replays the journal.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { openTestStore } from '@support/worker-store'
import { emit, percentile, round } from './stats'
import { createComplaint } from '@renderer/workers/data/complaints/commands'

export async function benchLocalWrite(writes: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'atiende-bench-'))
  const open = () => openTestStore(dir)
  const store = await open()
  const latencies: number[] = []
  const started = performance.now()
  for (let i = 0; i < writes; i++) {
    const t0 = performance.now()
    await createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'billing',
      description: `Cobro duplicado número ${i}`
    })
    latencies.push(performance.now() - t0)
  }
  const elapsed = performance.now() - started
  await store.close()
  const t0 = performance.now()
  const reopened = await open()
  const reopenMs = performance.now() - t0
  const restored = reopened.report.restoredWrites
  const t1 = performance.now()
  await reopened.snapshot()
  const snapshotMs = performance.now() - t1
  await reopened.close()
  await rm(dir, { recursive: true, force: true })
  emit({
    bench: 'local-write',
    writes,
    writesPerSec: round((writes / elapsed) * 1000, 0),
    writeP50Ms: percentile(latencies, 50),
    writeP99Ms: percentile(latencies, 99),
    reopenMs: round(reopenMs),
    restoredWrites: restored,
    snapshotMs: round(snapshotMs)
  })
}
