import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import { useAppStore } from '@renderer/stores/app-store'
import { CompensationForm, CompensationList, useCompensations } from '../../compensation'
import { productText } from '../field-label'
import { ComplaintTimeline } from './ComplaintTimeline'

const MAY_COMPENSATE: readonly string[] = ['agent', 'team_lead', 'admin']

/**
 * A complaint opened from the list: what it is about and where it came in, its compensations,
 * the form to add one, its timeline.
 */
export function ComplaintDetail({ complaint }: { complaint: LocalComplaint }) {
  const { t } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role ?? null)
  const compensations = useCompensations(complaint.id, null)
  // A practice complaint's persona tier, while the practice call that has its scenario is up.
  const personaTier = useAppStore((s) => {
    const persona = s.phone.call?.practice?.scenario.persona
    return persona !== undefined && persona.id === complaint.personaId ? persona.valueTier : null
  })
  const mayCompensate =
    role !== null &&
    MAY_COMPENSATE.includes(role) &&
    complaint.status !== 'closed' &&
    complaint.syncState !== 'rejected'
  return (
    <div className="complaint-detail">
      <dl aria-label={t('complaints.facts')} className="complaint-facts">
        <dt>{t('complaints.product')}</dt>
        <dd>{productText(complaint, t)}</dd>
        <dt>{t('complaints.channel')}</dt>
        <dd>
          {complaint.channel === null
            ? t('complaints.notSet')
            : t(`complaints.channels.${complaint.channel}`)}
        </dd>
      </dl>
      <section aria-label={t('compensation.heading')}>
        <h4>{t('compensation.heading')}</h4>
        <CompensationList complaintId={complaint.id} />
        {mayCompensate &&
          (complaint.customerId !== null ? (
            <CompensationForm complaint={complaint} customerId={complaint.customerId} />
          ) : complaint.practice && complaint.personaId !== null ? (
            <CompensationForm complaint={complaint} customerId={null} practiceTier={personaTier} />
          ) : (
            <p className="hint">{t('compensation.needsCustomer')}</p>
          ))}
      </section>
      <ComplaintTimeline complaintId={complaint.id} compensations={compensations} />
    </div>
  )
}
