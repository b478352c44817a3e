import { useMemo } from 'react'

import { useAppStore } from '@renderer/stores/app-store'
import { useComplaintCategories } from '../complaints'
import { scriptCatalog } from '../scripts'
import { useDispositionCodes } from '../wrap-up'
import type { ProgressLabels } from './progress-labels'

/** Read at each call: the catalog is replaced when a published script arrives. */
const findScript = (scriptId: string) => scriptCatalog().scripts.get(scriptId) ?? null

/**
 * The page's labels for progress views: the script catalog, the configured complaint
 * categories and disposition codes.
 */
export function useProgressLabels(): ProgressLabels {
  // Subscribed only to draw again when the catalog changes, so a step reads in the version the
  // desk now has.
  useAppStore((s) => s.scriptRun.catalogVersion)
  const categories = useComplaintCategories()
  const dispositions = useDispositionCodes()
  return useMemo(
    () => ({ scripts: findScript, categories, dispositions }),
    [categories, dispositions]
  )
}
