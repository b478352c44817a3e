import { useTranslation } from 'react-i18next'

import type { CustomerMatch } from '@shared/contract/worker'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { QuickCreateForm } from './QuickCreateForm'

type UnknownCallerProps = { match: CustomerMatch | null }

/** Nobody matched: say why (withheld, server not asked or not answering), offer quick-create. */
export function UnknownCaller({ match }: UnknownCallerProps) {
  const { t } = useTranslation()
  const displayName = useAppStore((s) => s.phone.call?.remoteDisplayName ?? null)
  const withheld = match?.caller === 'withheld'
  const online = match?.online
  const practice = useAppStore((s) => s.screenPop.persona !== null)
  return (
    <div>
      <p className="unknown">{t('card.unknown')}</p>
      {displayName && (
        <p className="display-name">
          {t('card.displayName', { name: sanitizeDisplayText(displayName, 80) })}
        </p>
      )}
      {withheld && <p className="muted">{t('card.withheldNoLookup')}</p>}
      {online === 'failed' && <p className="muted">{t('card.onlineFailed')}</p>}
      {online === 'skipped' && <p className="muted">{t('card.onlineSkipped')}</p>}
      {practice && <p className="muted">{t('card.practiceContact')}</p>}
      <QuickCreateForm phoneE164={match?.normalizedNumber ?? null} />
    </div>
  )
}
