import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { dial, type DialRefusal } from '../phone-line'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

/** Number field plus keypad for outbound calls; pasted numbers in any format are normalised. */
export function DialPad() {
  const { t } = useTranslation()
  const [number, setNumber] = useState('')
  const [refusal, setRefusal] = useState<DialRefusal | null>(null)

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    void dial(number).then(setRefusal)
  }

  return (
    <form className="dial-pad" aria-label={t('softphone.dialPad')} onSubmit={submit}>
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
      {refusal && (
        <p role="alert" className="error">
          {t(`softphone.dialErrors.${refusal}`)}
        </p>
      )}
    </form>
  )
}
