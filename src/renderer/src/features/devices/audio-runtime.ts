/**
 * The workstation's audio while an agent is logged in: the microphone kept warm while the phone
 * is registered, the ringtone on the ringer device while a call rings, and the chosen devices
 * applied and re-checked whenever a device is plugged or unplugged, mid-call included.
 *
 * The saved choice is what the agent picked; what is used is that choice resolved against the
 * devices present now, so a headset that comes back is used again without asking.
 */
import { useAppStore } from '../../stores/app-store'
import {
  listAudioDevices,
  resolveChoice,
  type AudioDevice,
  type AudioDeviceChoice
} from '../../telephony/media-devices'
import { Ringtone } from '../../telephony/ringtone'
import { afterPaint } from '../../platform/after-paint'
import { swapMicrophone, routeCallsToSpeaker } from '../../telephony/sip-media'
import { RegistrationState } from '../../telephony/sip-user-agent'
import { warmMicrophone } from '../../telephony/warm-microphone'
import { loadDeviceChoice, saveDeviceChoice } from './device-preferences'

export interface AudioState {
  devices: AudioDevice[]
  /** What the agent chose (saved). */
  chosen: AudioDeviceChoice
  /** What is in use now: the choice, or the default where a chosen device is missing. */
  inUse: AudioDeviceChoice
}

const ringtone = new Ringtone()
const listeners = new Set<() => void>()
let state: AudioState = {
  devices: [],
  chosen: loadDeviceChoice(),
  inUse: { microphoneId: null, speakerId: null, ringerId: null }
}

export function audioState(): AudioState {
  return state
}

/** Subscribes to device and choice changes; returns an unsubscribe (for useSyncExternalStore). */
export function subscribeAudio(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function publish(next: AudioState): void {
  state = next
  for (const listener of listeners) listener()
}

/** Applies what is plugged in now to the microphone, live calls and the ringer. */
async function apply(devices: AudioDevice[], chosen: AudioDeviceChoice): Promise<void> {
  const inUse = resolveChoice(chosen, devices)
  const before = state.inUse
  publish({ devices, chosen, inUse })
  if (inUse.microphoneId !== warmMicrophone.deviceId) {
    await warmMicrophone.useDevice(inUse.microphoneId).catch(() => undefined)
  }
  if (inUse.speakerId !== before.speakerId)
    await routeCallsToSpeaker(inUse.speakerId).catch(() => undefined)
  if (ringtone.isRinging && inUse.ringerId !== before.ringerId) {
    await ringtone.start(inUse.ringerId).catch(() => undefined)
  }
}

async function refresh(): Promise<void> {
  const devices = await listAudioDevices().catch(() => state.devices)
  await apply(devices, state.chosen)
}

/** The agent picked a device for a role (null: the system default); saved on this machine. */
export async function chooseDevice(role: keyof AudioDeviceChoice, deviceId: string | null) {
  const chosen = { ...state.chosen, [role]: deviceId }
  saveDeviceChoice(chosen)
  await apply(state.devices, chosen)
}

/** Re-reads the device list, e.g. once a permission prompt revealed the labels. */
export function refreshAudioDevices(): Promise<void> {
  return refresh()
}

function followPhone(): () => void {
  return useAppStore.subscribe((s, previous) => {
    const line = s.phone.line.state
    if (line !== previous.phone.line.state) {
      // Warm while the phone can take calls; a registered line whose mic fails is the
      // watchdog's to report, not a reason to stop the line.
      if (line === RegistrationState.Registered) {
        void warmMicrophone.warm().then(refresh, () => undefined)
      } else if (line === RegistrationState.Stopped || line === 'unconfigured') {
        warmMicrophone.release()
      }
    }
    const ringing = s.phone.phase === 'ringing'
    if (ringing !== (previous.phone.phase === 'ringing')) {
      if (ringing) {
        // The card first: the ring may sound one frame later, the agent will not hear the gap.
        afterPaint(() => {
          if (useAppStore.getState().phone.phase !== 'ringing') return
          void ringtone.start(state.inUse.ringerId).catch(() => undefined)
        })
      } else ringtone.stop()
    }
  })
}

/** Starts following the phone and the devices; returns a stop function (logout). */
export function startAudioRuntime(): () => void {
  const unfollow = followPhone()
  const offTrack = warmMicrophone.onTrackChange((track) => {
    void swapMicrophone(track).catch(() => undefined)
  })
  const onDeviceChange = (): void => {
    void refresh()
  }
  navigator.mediaDevices.addEventListener('devicechange', onDeviceChange)
  if (useAppStore.getState().phone.line.state === RegistrationState.Registered) {
    void warmMicrophone.warm().catch(() => undefined)
  }
  void refresh()
  return () => {
    unfollow()
    offTrack()
    navigator.mediaDevices.removeEventListener('devicechange', onDeviceChange)
    ringtone.dispose()
    warmMicrophone.release()
  }
}
