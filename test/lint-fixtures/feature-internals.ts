// lint-as: src/renderer/src/features/search/example.ts
// expect: no-restricted-imports
// A feature reaches another feature's internals through the alias.
import { CallablePhones } from '@renderer/features/softphone/components/CallablePhones'

export const phones = CallablePhones
