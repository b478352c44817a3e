import { useTranslation } from 'react-i18next'

import { ComplaintList } from './ComplaintList'

/** The complaint list as a view of its own: the queue, its filters in a toolbar, each case. */
export function ComplaintsPanel() {
  const { t } = useTranslation()
  return (
    <section className="panel complaints" aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">{t('complaints.heading')}</h2>
      <ComplaintList />
    </section>
  )
}
