export { audioState } from './audio-runtime'
export { AudioDeviceSettings } from './components/AudioDeviceSettings'
export { useAudioRuntime, useAudioState } from './hooks/useAudioRuntime'
export { useCallQuality } from './hooks/useCallQuality'
