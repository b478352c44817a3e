import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { PRODUCT_NAME_MAX } from '@shared/domain/complaint'
import { productEditValue, productOfEditValue, type EditValue } from '@shared/domain/complaint-edit'
import { useCustomer } from '../../compensation'
import { productText } from '../field-label'

const NONE = 'none'
const KEPT = 'kept'

type ComplaintEditProductFieldProps = {
  customerId: string | null
  /** The product as one edit value (code and name together). */
  value: EditValue
  onChange: (value: EditValue) => void
  onKeyDown: (event: KeyboardEvent<HTMLSelectElement | HTMLInputElement>) => void
}

/**
 * The product or service of a filed complaint: the products on its customer's card, the one it
 * holds now when the card no longer lists it (so opening the form changes nothing), or none;
 * a name typed freely when the card lists no products.
 */
export function ComplaintEditProductField({
  customerId,
  value,
  onChange,
  onKeyDown
}: ComplaintEditProductFieldProps) {
  const { t } = useTranslation()
  const products = useCustomer(customerId)?.products ?? []
  const current = productOfEditValue(value)
  if (products.length === 0) {
    return (
      <label>
        {t('complaints.product')}
        <input
          type="text"
          onKeyDown={onKeyDown}
          maxLength={PRODUCT_NAME_MAX}
          value={current.productName}
          onChange={(e) => {
            onChange(productEditValue({ productCode: null, productName: e.target.value }))
          }}
        />
      </label>
    )
  }
  const onCard = products.findIndex((p) => p.code === current.productCode)
  const isKept = value !== null && onCard < 0
  const selected = value === null ? NONE : isKept ? KEPT : String(onCard)
  return (
    <label>
      {t('complaints.product')}
      <select
        onKeyDown={onKeyDown}
        value={selected}
        onChange={(e) => {
          const picked = products[Number(e.target.value)]
          if (e.target.value === KEPT) return
          onChange(
            e.target.value === NONE || picked === undefined
              ? null
              : productEditValue({ productCode: picked.code, productName: picked.name.trim() })
          )
        }}
      >
        <option value={NONE}>{t('complaints.productNone')}</option>
        {isKept && <option value={KEPT}>{productText(current, t)}</option>}
        {products.map((p, i) => (
          <option key={p.code} value={String(i)}>
            {productText({ productCode: p.code, productName: p.name }, t)}
          </option>
        ))}
      </select>
    </label>
  )
}
