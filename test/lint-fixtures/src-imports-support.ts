// lint-as: src/server/example.ts
// expect: no-restricted-imports
// The app never imports tests or tooling.
import { MemoryStorage } from '@support/memory-storage'

export const storage = MemoryStorage
