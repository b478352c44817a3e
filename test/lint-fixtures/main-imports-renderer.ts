// lint-as: src/main/example.ts
// expect: no-restricted-imports
// Main never imports the renderer.
import { getDesktop } from '@renderer/platform/desktop'

export const desktop = getDesktop
