import { useTranslation } from 'react-i18next'

import { complaintChannels, type ComplaintChannel } from '@shared/domain/complaint'
import { useAppStore } from '@renderer/stores/app-store'
import { defaultChannel } from '../complaint-channel'

import { ChoiceSelect } from '@renderer/ui/ChoiceSelect'

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
    <ChoiceSelect
      label={t('complaints.channel')}
      options={complaintChannels}
      optionLabel={(c) => t(`complaints.channels.${c}`)}
      value={value}
      emptyLabel={t('complaints.notSet')}
      onChange={onChange}
    />
  )
}
