import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { RegistrationState } from '@renderer/telephony/sip-user-agent'
import { useSoftphone } from '../softphone-context'

type CallablePhonesProps = { phones: readonly string[] }

/** Click-to-call: a customer's numbers as buttons that dial them when the phone is free. */
export function CallablePhones({ phones }: CallablePhonesProps) {
  const { t } = useTranslation()
  const { line } = useSoftphone()
  const canCall = useAppStore(
    (s) => s.phone.phase === 'idle' && s.phone.line.state === RegistrationState.Registered
  )
  return (
    <ul className="callable-phones">
      {phones.map((number) => {
        const shown = sanitizeDisplayText(number, 40)
        return (
          <li key={number}>
            <button
              type="button"
              className="link"
              disabled={!canCall}
              aria-label={t('softphone.callNumber', { number: shown })}
              onClick={() => {
                void line.dial(number)
              }}
            >
              {shown}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
