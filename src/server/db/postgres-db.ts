/**
 * PostgreSQL through a node-postgres pool. LISTEN needs a session of its own, so notifications
 * arrive on one dedicated client that reconnects when the connection drops.
 */
import pg from 'pg'

import { quoteIdent, type Db, type Queryable, type SqlParam, type Unlisten } from './db'

const INT8_OID = 20
const RECONNECT_DELAY_MS = 1000

export interface PostgresDbOptions {
  connectionString: string
  maxConnections?: number
  /** Told about listener connection failures; the listener keeps retrying regardless. */
  onListenerError?: (error: Error) => void
}

type Callback = (payload: string) => void

// Per-pool overrides rather than the global pg.types, so nothing else in the process changes.
const types = new pg.TypeOverrides()
types.setTypeParser(INT8_OID, (value: string) => Number(value))

function queryableOf(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []) {
      const result = await client.query<T & pg.QueryResultRow>(sql, [...params])
      return result.rows
    }
  }
}

/** Keeps one LISTEN connection with every subscribed channel, re-subscribing after reconnects. */
class Listener {
  private client: pg.Client | null = null
  private connecting: Promise<pg.Client> | null = null
  private closed = false
  private readonly channels = new Map<string, Set<Callback>>()

  constructor(private readonly options: PostgresDbOptions) {}

  async listen(channel: string, callback: Callback): Promise<Unlisten> {
    let callbacks = this.channels.get(channel)
    if (!callbacks) {
      callbacks = new Set()
      this.channels.set(channel, callbacks)
      const client = await this.connection()
      await client.query(`LISTEN ${quoteIdent(channel)}`)
    }
    callbacks.add(callback)
    return async () => {
      callbacks.delete(callback)
      if (callbacks.size > 0 || this.channels.get(channel) !== callbacks) return
      this.channels.delete(channel)
      await this.client?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const client = this.client
    this.client = null
    await client?.end().catch(() => undefined)
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client)
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null
    })
    return this.connecting
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.connectionString, types })
    client.on('notification', (message) => {
      const callbacks = this.channels.get(message.channel)
      callbacks?.forEach((cb) => {
        cb(message.payload ?? '')
      })
    })
    client.on('error', (error) => {
      this.options.onListenerError?.(error)
      if (this.client === client) this.client = null
      void client.end().catch(() => undefined)
      this.scheduleReconnect()
    })
    await client.connect()
    for (const channel of this.channels.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`)
    this.client = client
    return client
  }

  private scheduleReconnect(): void {
    if (this.closed || this.channels.size === 0) return
    setTimeout(() => {
      if (this.closed || this.client) return
      this.connection().catch((error: unknown) => {
        if (error instanceof Error) this.options.onListenerError?.(error)
        this.scheduleReconnect()
      })
    }, RECONNECT_DELAY_MS).unref()
  }
}

/** Opens a pool on `connectionString`; connections are made lazily. */
export function openPostgresDb(options: PostgresDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types
  })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  const listener = new Listener(options)
  const base = queryableOf(pool)
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(queryableOf(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    listen: (channel, callback) => listener.listen(channel, callback),
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
    async close() {
      await listener.close()
      await pool.end()
    }
  }
}
