// lint-as: src/renderer/src/telephony/example.ts
// expect: no-restricted-imports
// The renderer never imports main or server.
import { buildApp } from '@server/app'

export const build = buildApp
