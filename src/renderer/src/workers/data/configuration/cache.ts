/**
 * The configuration decoded once: every panel asks for it after each agent-state change, and
 * decoding every row (scripts included) each time kept the worker busy when the next call rang.
 * The store drops it when a pull brings configuration, and it is decoded again at the next read.
 */
import type { Database } from 'sql.js'

import type { ConfigurationSnapshot } from '@shared/contract/worker'

import { readConfiguration } from './rows'

export class ConfigurationCache {
  private decoded: ConfigurationSnapshot | null = null

  /** `db` answers the store's database of the moment (a snapshot may reopen it). */
  constructor(private readonly db: () => Database) {}

  /** The configuration as last pulled. */
  current(): ConfigurationSnapshot {
    this.decoded ??= readConfiguration(this.db())
    return this.decoded
  }

  invalidate(): void {
    this.decoded = null
  }
}
