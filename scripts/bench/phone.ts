/** Caller-number normalization, run once per ring and per imported phone. */
import { normalizePhone } from '@shared/phone/normalize'
import { emit, round } from './stats'

const samples = ['612 34 56 78', '0034 612-345-678', '+52 1 55 1234 5678', '(415) 555-2671', '2001']

export function benchPhone(iterations: number): void {
  const t0 = performance.now()
  for (let i = 0; i < iterations; i++) normalizePhone(samples[i % samples.length] ?? '', 'ES')
  const elapsed = performance.now() - t0
  emit({ bench: 'phone-normalize', iterations, microsPerOp: round((elapsed * 1000) / iterations) })
}
