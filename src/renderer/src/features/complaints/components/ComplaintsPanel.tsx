import { useTranslation } from 'react-i18next'

import { ComplaintForm } from './ComplaintForm'
import { ComplaintList } from './ComplaintList'

export function ComplaintsPanel() {
  const { t } = useTranslation()
  return (
    <section className="panel complaints" aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">{t('complaints.heading')}</h2>
      <ComplaintForm />
      <ComplaintList />
    </section>
  )
}
