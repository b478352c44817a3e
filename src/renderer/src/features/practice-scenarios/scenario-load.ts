/**
 * Reading the practice scenarios through the data worker, as the panel's state: the server
 * down reads as "offline", calmly, never as an error.
 */
import type { DataClient } from '@renderer/data/worker-client'
import type { ScenarioVersion, ScenarioVersionDetail } from '@shared/practice/scenario-api'

export type Load<T> =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; value: T }

type Client = Pick<DataClient, 'send'> | null

export async function loadScenarios(client: Client): Promise<Load<ScenarioVersion[]>> {
  if (!client) return { state: 'offline' }
  const result = await client.send('practice:scenarios', {})
  if (result.ok) return { state: 'ready', value: result.data.scenarios }
  if (result.error.code === 'unavailable') return { state: 'offline' }
  return { state: 'failed', message: result.error.message }
}

export async function loadScenario(
  client: Client,
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
