/**
 * The servers (and phone systems: Kamailio plus a server that provisions each user's extension
 * on it) one Playwright worker runs the specs against. One of each kind is shared by every spec
 * that does not ask for its own; a spec file that does (its checks count everything on the
 * server, or it changes what every workstation gets, or it breaks the server on purpose) gets
 * one kept for its own tests and stopped when the next file starts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { KamailioProcess } from '@support/kamailio'
import { ServerProcess } from '@support/server-process'

export interface EnvironmentChoice {
  /** Kamailio too, with the server provisioning each user's extension on it. */
  phoneSystem: boolean
  /** A server for this spec file alone; an object also sets its environment variables. */
  ownServer: boolean | Readonly<Record<string, string>>
}

export interface Environment {
  server: ServerProcess
  /** Present when the environment is a phone system. */
  kamailio: KamailioProcess | null
}

async function startEnvironment(
  phoneSystem: boolean,
  env: Readonly<Record<string, string>>
): Promise<Environment> {
  let kamailio: KamailioProcess | null = null
  if (phoneSystem) {
    kamailio = await KamailioProcess.create()
    await kamailio.start()
  }
  const server = await ServerProcess.create(
    kamailio ? { ...env, ATIENDE_SIP_WS: kamailio.wsUrl } : env
  )
  try {
    await server.start()
  } catch (error) {
    // Nobody gets this environment to stop: a Kamailio left running would outlive the run.
    await server.stop()
    await kamailio?.stop()
    throw error
  }
  return { server, kamailio }
}

async function stopEnvironment(started: Promise<Environment>): Promise<void> {
  const environment = await started.catch(() => null)
  if (!environment) return
  await environment.server.stop()
  await environment.kamailio?.stop()
}

export class Environments {
  /** Scratch space for the worker: tone files, sipp scenarios and logs. */
  readonly dir = mkdtempSync(join(tmpdir(), 'atiende-e2e-'))
  readonly #shared = new Map<string, Promise<Environment>>()
  #own: { file: string; started: Map<string, Promise<Environment>> } | null = null

  /** The environment `choice` names for a test of `file`, started on first use. */
  async for(file: string, choice: EnvironmentChoice): Promise<Environment> {
    await this.enter(file)
    const key = choice.phoneSystem ? 'phone-system' : 'server'
    const env = typeof choice.ownServer === 'object' ? choice.ownServer : {}
    const pool = choice.ownServer === false ? this.#shared : (this.#own?.started ?? this.#shared)
    let started = pool.get(key)
    if (!started) {
      started = startEnvironment(choice.phoneSystem, env)
      pool.set(key, started)
    }
    return started
  }

  /** Stops what an earlier spec file had for itself once a test of another file starts. */
  async enter(file: string): Promise<void> {
    if (this.#own?.file === file) return
    const previous = this.#own
    this.#own = { file, started: new Map() }
    if (previous) await Promise.all([...previous.started.values()].map(stopEnvironment))
  }

  async stop(): Promise<void> {
    const all = [...this.#shared.values(), ...(this.#own?.started.values() ?? [])]
    this.#shared.clear()
    this.#own = null
    await Promise.all(all.map(stopEnvironment))
    rmSync(this.dir, { recursive: true, force: true })
  }
}
