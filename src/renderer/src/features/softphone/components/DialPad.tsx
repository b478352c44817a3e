import { memo, type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { ariaKeyShortcuts } from '../../shortcuts'
import type { DialRefusal } from '../phone-line'
import { useSoftphone } from '../softphone-context'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

/**
 * Number field plus keypad for outbound calls; pasted numbers in any format are normalised.
 * `hidden` during a call (kept mounted: see SoftphonePanel).
 */
export const DialPad = memo(function DialPad({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation()
  const { line } = useSoftphone()
  const [number, setNumber] = useState('')
  const [refusal, setRefusal] = useState<DialRefusal | null>(null)
  const lastDialled = useAppStore((s) => s.phone.lastDialled)

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    void line.dial(number).then(setRefusal)
  }

  return (
    <form
      className="dial-pad"
      aria-label={t('softphone.dialPad')}
      hidden={hidden}
      onSubmit={submit}
    >
      <label>
        {t('softphone.number')}
        <input
          type="tel"
          autoComplete="off"
          value={number}
          aria-invalid={refusal !== null}
          onChange={(e) => {
            setNumber(e.target.value)
            setRefusal(null)
          }}
        />
      </label>
      <div className="keypad">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            onClick={() => {
              setNumber((n) => n + key)
            }}
          >
            {key}
          </button>
        ))}
      </div>
      <button type="submit" className="primary">
        {t('softphone.call')}
      </button>
      {lastDialled !== null && (
        <button
          type="button"
          aria-keyshortcuts={ariaKeyShortcuts('call.redial')}
          onClick={() => {
            void line.redial().then(setRefusal)
          }}
        >
          {t('softphone.redial', { number: sanitizeDisplayText(lastDialled, 40) })}
        </button>
      )}
      {refusal && (
        <p role="alert" className="error">
          {t(`softphone.dialErrors.${refusal}`)}
        </p>
      )}
    </form>
  )
})
