import { useTranslation } from 'react-i18next'

import { PRODUCT_NAME_MAX } from '@shared/domain/complaint'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import type { ProductChoice } from '../complaint-product'

const NONE = ''

type ComplaintProductFieldProps = {
  value: ProductChoice
  onChange: (value: ProductChoice) => void
}

/**
 * The product or service: a select of the products on the card shown now (or none), else a text
 * field. Its own component, like the customer line: a ring changes the card, and only this field
 * follows it, not the whole form.
 */
export function ComplaintProductField({ value, onChange }: ComplaintProductFieldProps) {
  const { t } = useTranslation()
  const products = useAppStore((s) => s.screenPop.customer?.products)
  if (products === undefined || products.length === 0) {
    return (
      <label>
        {t('complaints.product')}
        <input
          type="text"
          maxLength={PRODUCT_NAME_MAX}
          value={value.text}
          onChange={(e) => {
            onChange({ code: null, text: e.target.value })
          }}
        />
      </label>
    )
  }
  const selected = products.some((p) => p.code === value.code) ? (value.code ?? NONE) : NONE
  return (
    <label>
      {t('complaints.product')}
      <select
        value={selected}
        onChange={(e) => {
          onChange({ code: e.target.value === NONE ? null : e.target.value, text: '' })
        }}
      >
        <option value={NONE}>{t('complaints.productNone')}</option>
        {products.map((p) => (
          <option key={p.code} value={p.code}>
            {t('complaints.productOption', {
              name: sanitizeDisplayText(p.name, 120),
              code: sanitizeDisplayText(p.code, 32)
            })}
          </option>
        ))}
      </select>
    </label>
  )
}
