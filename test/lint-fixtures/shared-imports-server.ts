// lint-as: src/shared/example.ts
// expect: no-restricted-imports
// Shared imports only shared.
import { buildApp } from '@server/app'

export const build = buildApp
