/**
 * Writes deterministic demo customers as NDJSON, for benchmarks and bulk imports.
 *
 *   tsx scripts/generate-customers.ts --count 1000000 --seed 7 --out customers.ndjson
 *
 * Without --out it writes to stdout. Streaming with back-pressure keeps memory flat at any count.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import type { Writable } from 'node:stream'

import { generateCustomers } from '@server/seed/generate-customers'

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`)
  return n
}

async function writeAll(out: Writable, count: number, seed: number): Promise<void> {
  for await (const customer of generateCustomers(count, seed)) {
    if (!out.write(`${JSON.stringify(customer)}\n`)) await once(out, 'drain')
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '20250630' },
      out: { type: 'string' }
    }
  })
  const count = positiveInt('count', values.count, 5000)
  const seed = positiveInt('seed', values.seed, 20250630)
  const out = values.out ? createWriteStream(values.out) : process.stdout
  await writeAll(out, count, seed)
  if (out !== process.stdout) {
    out.end()
    await once(out, 'finish')
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
