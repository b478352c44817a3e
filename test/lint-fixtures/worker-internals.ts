// lint-as: src/renderer/src/data/example.ts
// expect: no-restricted-imports
// The UI reaches the data worker through src/renderer/src/data, never the worker's modules.
import { LocalStore } from '@renderer/workers/data/local-store'

export const store = LocalStore
