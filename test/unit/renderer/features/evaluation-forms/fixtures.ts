/** Form versions as the server lists them, built from the seeded form's YAML. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { FormVersion } from '@shared/evaluations/evaluation-api'

export const SEEDED = readFileSync(
  fileURLToPath(
    new URL('../../../../../resources/evaluation-forms/service-quality.yaml', import.meta.url)
  ),
  'utf8'
)
export const HOSTILE = '<img src=x onerror=alert(1)>\u202eForm'

export function version(over: Partial<FormVersion> = {}): FormVersion {
  return {
    formId: 'service-quality',
    version: 1,
    kind: 'quality',
    title: { es: 'Calidad del servicio', en: 'Service quality' },
    status: 'published',
    retired: false,
    source: SEEDED,
    uploadedAt: '2026-12-01T09:00:00.000Z',
    uploadedBy: 'admin',
    publishedAt: '2026-12-01T09:05:00.000Z',
    evaluations: 14,
    ...over
  }
}
