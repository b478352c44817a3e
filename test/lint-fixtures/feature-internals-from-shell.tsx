// lint-as: src/renderer/src/app/Example.tsx
// expect: no-restricted-imports
// The app shell imports a feature from its index, not from inside it.
import { SoftphonePanel } from '../features/softphone/components/SoftphonePanel'

export const panel = SoftphonePanel
