export { CallerIdSettingsForm } from './components/CallerIdSettingsForm'
export { PhoneSettingsForm } from './components/PhoneSettingsForm'
