import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'

import { appError } from '@shared/contract/errors'
import { localizeUnsafeText } from '@renderer/data/unsafe-text-message'
import en from '@renderer/i18n/en.json'
import es from '@renderer/i18n/es.json'

describe('the refusal of typed text, in the person’s language', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      interpolation: { escapeValue: false }
    })
  })

  const refusal = (field: string) =>
    appError('invalid_argument', `${field}: contains a control character`, {
      unsafeText: [{ field, flaw: 'control' }]
    })

  it('names the field by the label on the form', async () => {
    await i18next.changeLanguage('es')
    expect(localizeUnsafeText('complaint:create', refusal('description')).message).toMatch(
      /^«Descripción» contiene un carácter no permitido/
    )
    expect(localizeUnsafeText('callback:schedule', refusal('note')).message).toMatch(/^«Nota»/)
    await i18next.changeLanguage('en')
    expect(localizeUnsafeText('complaint:update', refusal('after.expected')).message).toMatch(
      /^“What the customer expected” contains a character that is not allowed/
    )
  })

  it('leaves every other error as it came', () => {
    const other = appError('invalid_argument', 'invalid request arguments', [])
    expect(localizeUnsafeText('complaint:create', other)).toBe(other)
  })
})
