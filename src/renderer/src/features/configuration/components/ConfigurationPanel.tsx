import { useTranslation } from 'react-i18next'

import type { ConfigurationSnapshot } from '@shared/contract/worker'
import { WATCHDOG_PAUSE_REASON } from '@shared/domain/configuration-edit'
import { useConfiguration } from '@renderer/data/use-configuration'
import { CodeListEditor, type EditableEntry } from './CodeListEditor'
import { FloorAlertsEditor } from './FloorAlertsEditor'

const bySortOrder = (a: { sortOrder: number }, b: { sortOrder: number }) =>
  a.sortOrder - b.sortOrder

// Module-level selectors: useConfiguration reads again whenever its selector changes.
const dispositionCodes = (c: ConfigurationSnapshot): EditableEntry[] =>
  [...c.dispositionCodes].sort(bySortOrder).map((d) => ({ ...d, retirable: true }))
const pauseReasons = (c: ConfigurationSnapshot): EditableEntry[] =>
  [...c.pauseReasons]
    .sort(bySortOrder)
    .map((p) => ({ ...p, retirable: p.code !== WATCHDOG_PAUSE_REASON }))
const complaintCategories = (c: ConfigurationSnapshot): EditableEntry[] =>
  [...c.complaintCategories].sort(bySortOrder).map((k) => ({ ...k, retirable: true }))

/**
 * Admins add and retire disposition codes, pause reasons and complaint categories, and set the
 * live floor's alerts, here; the rest (labels, order, subcategories, compensation limits) is in
 * the admin API (see the README).
 * Mounted for admins only.
 */
export function ConfigurationPanel() {
  const { t } = useTranslation()
  const codes = useConfiguration('disposition_code', dispositionCodes)
  const reasons = useConfiguration('pause_reason', pauseReasons)
  const categories = useConfiguration('complaint_category', complaintCategories)
  return (
    <section className="panel configuration-panel" aria-labelledby="configuration-heading">
      <h2 id="configuration-heading">{t('configuration.heading')}</h2>
      <CodeListEditor
        kind="disposition-codes"
        heading={t('configuration.dispositionCodes')}
        entries={codes}
      />
      <CodeListEditor
        kind="pause-reasons"
        heading={t('configuration.pauseReasons')}
        entries={reasons}
      />
      <CodeListEditor
        kind="complaint-categories"
        heading={t('configuration.complaintCategories')}
        entries={categories}
      />
      <FloorAlertsEditor />
    </section>
  )
}
