// lint-as: src/renderer/src/features/search/components/Example.tsx
// expect: no-restricted-imports
// A feature's component reaches another feature's internals by a relative path.
import { CallController } from '../../softphone/call-controller'

export const controller = CallController
