/**
 * Runs the phone watchdog for the session: follows the SIP line, the microphone permission and
 * the audio inputs, feeds {@link phoneProblems} and alerts through the OS when the window is
 * hidden, because a paused agent who does not know it is a lost afternoon of calls.
 */
import i18next from 'i18next'

import { getDesktop } from '../../platform/desktop'
import { useAppStore } from '../../stores/app-store'
import { RegistrationState } from '../../telephony/sip-user-agent'
import type { PhoneLine } from '../softphone'
import { phoneProblems, type MicrophonePermission, type PhoneHealthInputs } from './phone-watchdog'

/** How often the line's grace period is re-checked while the line is down. */
const TICK_MS = 1000

export function lineKind(line: PhoneLine): PhoneHealthInputs['line'] {
  switch (line.state) {
    case 'unconfigured':
      return 'unconfigured'
    case RegistrationState.Registered:
      return 'registered'
    case RegistrationState.Connecting:
      return 'connecting'
    case RegistrationState.Unregistered:
      return 'unregistered'
    case RegistrationState.Stopped:
      return 'stopped'
  }
}

/** Starts watching; returns the function that stops it (logout, unmount). */
export function watchPhoneHealth(): () => void {
  let microphone: MicrophonePermission = 'unknown'
  let audioInputs: number | null = null
  let lineDownSince: string | null = null
  let stopped = false

  const evaluate = (): void => {
    if (stopped) return
    const store = useAppStore.getState()
    const line = lineKind(store.phone.line)
    if (line === 'registered' || line === 'unconfigured') lineDownSince = null
    else lineDownSince ??= new Date().toISOString()
    const problems = phoneProblems({
      line,
      lineDownSince,
      microphone,
      audioInputs,
      now: new Date()
    })
    const hadProblems = store.agent.phoneProblems.length > 0
    store.phoneHealthChanged(problems)
    if (!hadProblems && problems.length > 0 && document.hidden) {
      void getDesktop().showNotification({
        title: i18next.t('agentState.phoneProblem.title'),
        body: problems.map((p) => i18next.t(`agentState.phoneProblem.${p}`)).join(' · '),
        focusOnClick: true
      })
    }
  }

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.phone.line !== previous.phone.line) evaluate()
  })
  // Cheap, and the only way to notice the grace period running out without a line event.
  const timer = setInterval(() => {
    if (lineDownSince !== null) evaluate()
  }, TICK_MS)

  let permission: PermissionStatus | null = null
  const onPermission = (): void => {
    if (permission) microphone = permission.state
    evaluate()
  }
  // Some engines refuse to query 'microphone'; 'unknown' is then the honest answer.
  navigator.permissions
    .query({ name: 'microphone' })
    .then((status) => {
      permission = status
      status.addEventListener('change', onPermission)
      onPermission()
    })
    .catch(() => undefined)

  const devices = navigator.mediaDevices as MediaDevices | undefined
  const onDevices = (): void => {
    devices
      ?.enumerateDevices()
      .then((list) => {
        audioInputs = list.filter((d) => d.kind === 'audioinput').length
        evaluate()
      })
      .catch(() => undefined)
  }
  devices?.addEventListener('devicechange', onDevices)
  onDevices()
  evaluate()

  return () => {
    stopped = true
    unsubscribe()
    clearInterval(timer)
    permission?.removeEventListener('change', onPermission)
    devices?.removeEventListener('devicechange', onDevices)
  }
}
