import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { languages, type Language } from '@shared/domain/customer'
import { toE164 } from '@shared/phone/normalize'
import { createContact } from '../commands'
import { defaultCountry } from '@renderer/settings/caller-id-settings'

type QuickCreateFormProps = { phoneE164: string | null }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The contact the form describes, or null when a field is invalid. */
function validInput(fields: { first: string; last: string; phone: string; email: string }) {
  const phone = fields.phone.trim()
  const phoneE164 = phone === '' ? null : toE164(phone, defaultCountry())
  const email = fields.email.trim()
  if (fields.first.trim() === '' || (phone !== '' && phoneE164 === null)) return null
  if (email !== '' && !EMAIL.test(email)) return null
  return {
    firstName: fields.first.trim(),
    lastName: fields.last.trim(),
    phoneE164,
    email: email === '' ? null : email
  }
}

type TextFieldProps = {
  label: string
  value: string
  max: number
  onChange: (value: string) => void
}

function TextField({ label, value, max, onChange }: TextFieldProps) {
  return (
    <label>
      {label}
      <input
        value={value}
        maxLength={max}
        onChange={(e) => {
          onChange(e.target.value)
        }}
      />
    </label>
  )
}

/** Unknown caller → a local contact in a few keystrokes, synced as `customer.create`. */
export function QuickCreateForm({ phoneE164 }: QuickCreateFormProps) {
  const { t, i18n } = useTranslation()
  const [first, setFirst] = useState('')
  const [last, setLast] = useState('')
  const [phone, setPhone] = useState(phoneE164 ?? '')
  const [email, setEmail] = useState('')
  const initialLanguage = languages.find((l) => l === i18n.language) ?? 'es'
  const [language, setLanguage] = useState<Language>(initialLanguage)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const input = validInput({ first, last, phone, email })
    if (!input) {
      setError(t('quickCreate.invalid'))
      return
    }
    setSaving(true)
    const failure = await createContact({ ...input, preferredLanguage: language })
    setSaving(false)
    setError(failure === null ? null : t('quickCreate.failed', { reason: failure }))
  }

  return (
    <form
      className="quick-create"
      aria-label={t('quickCreate.heading')}
      onSubmit={(e) => void submit(e)}
    >
      <h3>{t('quickCreate.heading')}</h3>
      <TextField label={t('quickCreate.firstName')} value={first} max={120} onChange={setFirst} />
      <TextField label={t('quickCreate.lastName')} value={last} max={120} onChange={setLast} />
      <TextField label={t('quickCreate.phone')} value={phone} max={32} onChange={setPhone} />
      <TextField label={t('quickCreate.email')} value={email} max={254} onChange={setEmail} />
      <label>
        {t('quickCreate.language')}
        <select
          value={language}
          onChange={(e) => {
            const next = languages.find((l) => l === e.target.value)
            if (next) setLanguage(next)
          }}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`quickCreate.languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {t('quickCreate.save')}
      </button>
    </form>
  )
}
