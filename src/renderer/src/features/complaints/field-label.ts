import type { TFunction } from 'i18next'

import { complaintChannels } from '@shared/domain/complaint'
import {
  productOfEditValue,
  type EditableComplaintField,
  type EditValue
} from '@shared/domain/complaint-edit'
import { severities } from '@shared/domain/complaint-severity'
import type { ComplaintCategoryConfig } from '@shared/domain/configuration'
import { qualityDimensions } from '@shared/domain/quality-dimensions'
import { sanitizeDisplayText } from '@shared/domain/text'
import { categoryLabel, labelLanguage } from './category-label'

/** The form label of each editable field (the same words the complaint form uses). */
const labelKeys: Record<EditableComplaintField, string> = {
  description: 'complaints.description',
  category: 'complaints.category',
  subcategory: 'complaints.subcategory',
  severity: 'complaints.severity',
  qualityDimension: 'complaints.dimension',
  expected: 'complaints.expected',
  received: 'complaints.received',
  requestedRemedy: 'complaints.requestedRemedy',
  product: 'complaints.product',
  channel: 'complaints.channel'
}

export function fieldLabel(field: EditableComplaintField, t: TFunction): string {
  return t(labelKeys[field])
}

/** A field's value as the user reads it: codes by their labels, empty values said as such. */
export function fieldValueText(
  field: EditableComplaintField,
  value: EditValue,
  configured: readonly ComplaintCategoryConfig[],
  t: TFunction,
  language: string
): string {
  if (value === null || value === '') return t('complaints.notSet')
  if (field === 'category') return categoryLabel(value, configured, t, language)
  if (field === 'subcategory') {
    const sub = configured.flatMap((c) => c.subcategories).find((s) => s.code === value)
    return sub ? sub.label[labelLanguage(language)] : value
  }
  const severity = severities.find((s) => s === value)
  if (field === 'severity' && severity) return t(`complaints.severities.${severity}`)
  const dimension = qualityDimensions.find((d) => d === value)
  if (field === 'qualityDimension' && dimension) return t(`complaints.dimensions.${dimension}`)
  const channel = complaintChannels.find((c) => c === value)
  if (field === 'channel' && channel) return t(`complaints.channels.${channel}`)
  if (field === 'product') return productText(productOfEditValue(value), t)
  return sanitizeDisplayText(value, 300)
}

/** A product as the user reads it: its name, with the code when it came from the card. */
export function productText(
  p: { productCode: string | null; productName: string },
  t: TFunction
): string {
  const name = sanitizeDisplayText(p.productName, 120)
  if (p.productCode === null) return name === '' ? t('complaints.notSet') : name
  return t('complaints.productOption', { name, code: sanitizeDisplayText(p.productCode, 32) })
}
