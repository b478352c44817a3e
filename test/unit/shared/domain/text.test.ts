import { describe, expect, it } from 'vitest'

import { foldForSearch, sanitizeDisplayText } from '@shared/domain/text'

describe('foldForSearch', () => {
  it('folds accents and case', () => {
    expect(foldForSearch('José NÚÑEZ  Peña')).toBe('jose nunez pena')
    expect(foldForSearch('Begoña')).toBe(foldForSearch('begona'))
  })
})

describe('sanitizeDisplayText', () => {
  it('removes bidi overrides that could reorder a caller name', () => {
    expect(sanitizeDisplayText('abc\u202Efdp.exe')).toBe('abcfdp.exe')
  })
  it('replaces control characters', () => {
    expect(sanitizeDisplayText('a\nb\u0000c')).toBe('a b c')
  })
  it('cuts very long values in the view', () => {
    const shown = sanitizeDisplayText('x'.repeat(500), 10)
    expect(shown).toHaveLength(10)
    expect(shown.endsWith('…')).toBe(true)
  })
  it('leaves markup as plain characters (React renders it as text)', () => {
    expect(sanitizeDisplayText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>')
  })
})
