// lint-as: src/renderer/src/features/search/example.ts
// expect: no-restricted-imports
// The same through a relative path, from a feature.
import { LocalStore } from '../../workers/data/local-store'

export const store = LocalStore
