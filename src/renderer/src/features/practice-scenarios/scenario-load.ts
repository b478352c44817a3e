/**
 * Reading the practice scenarios through the data worker, as the panel's state: the server
 * down reads as "offline", calmly, never as an error.
 */
import type { WorkerArgs, WorkerReply } from '@shared/contract/worker'
import type { Result } from '@shared/contract/result'
import type { ScenarioVersion, ScenarioVersionDetail } from '@shared/practice/scenario-api'

export type Load<T> =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; value: T }

type Sends<K extends 'practice:scenarios' | 'practice:scenario'> = {
  send(name: K, args: WorkerArgs<K>): Promise<Result<WorkerReply<K>>>
} | null

/** `client` is the page's data client (or null before the worker is up). */
export async function loadScenarios(
  client: Sends<'practice:scenarios'>
): Promise<Load<ScenarioVersion[]>> {
  if (!client) return { state: 'offline' }
  const result = await client.send('practice:scenarios', {})
  if (result.ok) return { state: 'ready', value: result.data.scenarios }
  if (result.error.code === 'unavailable') return { state: 'offline' }
  return { state: 'failed', message: result.error.message }
}

export async function loadScenario(
  client: Sends<'practice:scenario'>,
  scenarioId: string,
  version: number
): Promise<Load<ScenarioVersionDetail>> {
  if (!client) return { state: 'offline' }
  const result = await client.send('practice:scenario', { scenarioId, version })
  if (result.ok) return { state: 'ready', value: result.data.scenario }
  if (result.error.code === 'unavailable') return { state: 'offline' }
  return { state: 'failed', message: result.error.message }
}

type Localized = { es?: string | undefined; en?: string | undefined }

/** A text in the reader's language, else the other one (a scenario may give only one). */
export function localized(text: Localized, language: string): string {
  const first = language.startsWith('en') ? text.en : text.es
  return first ?? text.es ?? text.en ?? ''
}
