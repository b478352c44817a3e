import { useTranslation } from 'react-i18next'

import type { DirectoryEntry } from '@shared/domain/directory'
import { show } from './show'

type ColleagueCardProps = { colleague: DirectoryEntry }

/**
 * Who the colleague on the call is, from the directory (matched by extension or SIP address,
 * never by the name the call carries): name, role, team, extension. Names are shown as text
 * only, cut in the view: an admin typed them, and a hostile one must stay inert.
 */
export function ColleagueCard({ colleague }: ColleagueCardProps) {
  const { t } = useTranslation()
  return (
    <section className="colleague-card" aria-label={t('colleagues.cardLabel')}>
      <p className="muted">{t('colleagues.identified')}</p>
      <h3>{show(colleague.displayName)}</h3>
      <dl>
        <dt>{t('colleagues.role')}</dt>
        <dd>{t(`colleagues.roles.${colleague.role}`)}</dd>
        <dt>{t('colleagues.team')}</dt>
        <dd>{colleague.teamName === null ? t('colleagues.noTeam') : show(colleague.teamName)}</dd>
        <dt>{t('colleagues.extension')}</dt>
        <dd>{colleague.extension ?? t('colleagues.noExtension')}</dd>
        {colleague.sipAddress !== null && (
          <>
            <dt>{t('colleagues.sipAddress')}</dt>
            <dd>{colleague.sipAddress}</dd>
          </>
        )}
      </dl>
      <p className="muted">{t('colleagues.internalCall')}</p>
    </section>
  )
}
