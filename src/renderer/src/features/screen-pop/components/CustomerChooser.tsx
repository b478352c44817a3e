import { useTranslation } from 'react-i18next'

import type { CustomerMatch } from '@shared/contract/worker'
import { fullName } from '@shared/domain/customer'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'

type CustomerChooserProps = { match: CustomerMatch }

export function CustomerChooser({ match }: CustomerChooserProps) {
  const { t } = useTranslation()
  const choose = useAppStore((s) => s.popCustomerChosen)
  return (
    <div>
      <p>{t('card.several', { count: match.customers.length })}</p>
      <ul className="chooser">
        {match.customers.map((c) => {
          const name = sanitizeDisplayText(fullName(c))
          return (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  choose(c.id)
                }}
              >
                {t('card.choose', { name })}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
