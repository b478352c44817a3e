// lint-as: src/server/example.ts
// expect: no-restricted-imports
// The server imports only shared.
import { useAppStore } from '@renderer/stores/app-store'

export const store = useAppStore
