/**
 * Coaching on the live floor: the agent's raised hand, and a lead's visual whispers (a short
 * text or a script jump) shown on the desk, acknowledged, and kept with the call's record.
 */
export { RaiseHandButton } from './components/RaiseHandButton'
export { WhisperInbox } from './components/WhisperInbox'
export { WhisperComposer, type WhisperComposerProps } from './components/WhisperComposer'
export { CallWhispers } from './components/CallWhispers'
export { FloorWhisper } from './components/FloorWhisper'
