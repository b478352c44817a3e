import { useTranslation } from 'react-i18next'

import { complaintChannels, type ComplaintChannel } from '../../../../../shared/domain/complaint'
import { useAppStore } from '../../../stores/app-store'
import { defaultChannel } from '../complaint-channel'

const NONE = ''

type ComplaintChannelFieldProps = {
  /** The user's choice; undefined until they make one (then the call decides). */
  chosen: ComplaintChannel | null | undefined
  onChange: (value: ComplaintChannel | null) => void
}

/**
 * Where the customer complained. Its own component so that a call starting or ending (which
 * moves the default to the phone and back) re-renders this select only.
 */
export function ComplaintChannelField({ chosen, onChange }: ComplaintChannelFieldProps) {
  const { t } = useTranslation()
  const hasCall = useAppStore((s) => s.phone.call !== null)
  const value = chosen === undefined ? defaultChannel(hasCall) : chosen
  return (
    <label>
      {t('complaints.channel')}
      <select
        value={value ?? NONE}
        onChange={(e) => {
          onChange(complaintChannels.find((c) => c === e.target.value) ?? null)
        }}
      >
        <option value={NONE}>{t('complaints.notSet')}</option>
        {complaintChannels.map((c) => (
          <option key={c} value={c}>
            {t(`complaints.channels.${c}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
