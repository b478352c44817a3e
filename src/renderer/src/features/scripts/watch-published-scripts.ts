/**
 * Keeps the runner's catalog in step with the scripts published on the server: read from the
 * local cache at start and again whenever a pull brings a published version.
 */
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import { applyPublishedScripts } from './bundled-scripts'

async function reload(): Promise<void> {
  const result = await dataClient()?.send('config:get', {})
  if (!result?.ok) return
  applyPublishedScripts(result.data.scripts)
  useAppStore.getState().scriptCatalogChanged()
}

export function watchPublishedScripts(): () => void {
  const client = dataClient()
  if (!client) return () => undefined
  void reload()
  return client.listen('data:changed', ({ entities }) => {
    if (entities.includes('script')) void reload()
  })
}
