import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import {
  deviceRoles,
  type AudioDevice,
  type AudioDeviceChoice,
  type AudioDeviceKind
} from '@renderer/telephony/media-devices'
import { chooseDevice } from '../audio-runtime'
import { useAudioState } from '../hooks/useAudioRuntime'

type Role = keyof AudioDeviceChoice

const roleKind: Record<Role, AudioDeviceKind> = {
  microphoneId: 'audioinput',
  speakerId: 'audiooutput',
  ringerId: 'audiooutput'
}

const roleLabel: Record<Role, string> = {
  microphoneId: 'media.devices.microphone',
  speakerId: 'media.devices.speaker',
  ringerId: 'media.devices.ringer'
}

/**
 * Microphone, call output and ringer for this machine. A choice whose device is unplugged stays
 * saved (it applies again when the device returns); meanwhile the default is used and said so.
 */
export function AudioDeviceSettings() {
  const { t } = useTranslation()
  const { devices, chosen, inUse } = useAudioState()
  const id = useId()

  const options = (kind: AudioDeviceKind): AudioDevice[] => devices.filter((d) => d.kind === kind)

  return (
    <fieldset className="audio-devices">
      <legend>{t('media.devices.heading')}</legend>
      {deviceRoles.map((role) => {
        const missing = chosen[role] !== null && inUse[role] === null
        return (
          <div key={role}>
            {/* A label apart from the select: wrapped, the name would include the option. */}
            <label htmlFor={`${id}-${role}`}>{t(roleLabel[role])}</label>
            <select
              id={`${id}-${role}`}
              value={inUse[role] ?? ''}
              aria-describedby={missing ? `${id}-${role}-missing` : undefined}
              onChange={(e) => {
                void chooseDevice(role, e.target.value === '' ? null : e.target.value)
              }}
            >
              <option value="">{t('media.devices.systemDefault')}</option>
              {options(roleKind[role]).map((device, i) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t('media.devices.unnamed', { n: i + 1 })}
                </option>
              ))}
            </select>
            {missing && (
              <p id={`${id}-${role}-missing`} role="status" className="warning">
                {t('media.devices.missing', { role: t(roleLabel[role]) })}
              </p>
            )}
          </div>
        )
      })}
    </fieldset>
  )
}
