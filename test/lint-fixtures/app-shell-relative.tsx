// lint-as: src/renderer/src/features/search/components/Example.tsx
// expect: no-restricted-imports
// The same through a relative path, from a feature's component.
import { Workstation } from '../../../app/Workstation'

export const shell = Workstation
