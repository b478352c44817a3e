import { describe, expect, it } from 'vitest'

import { translations } from '@renderer/i18n/resources'

const { es, en } = translations

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('translations', () => {
  it('have the same keys in Spanish and English', () => {
    expect(keys(en).sort()).toEqual(keys(es).sort())
  })
  it('have no empty strings', () => {
    const empty = (obj: unknown): boolean =>
      typeof obj === 'string' ? obj.trim() === '' : Object.values(obj as object).some(empty)
    expect(empty(es)).toBe(false)
    expect(empty(en)).toBe(false)
  })
})
