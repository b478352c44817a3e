import { migration001Init } from './001-init'
import type { Migration } from './migration'

/** Every migration, oldest first. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [migration001Init]
