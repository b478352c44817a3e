import type { ConfigurationSnapshot } from '@shared/contract/worker'
import type { ComplaintCategoryConfig } from '@shared/domain/configuration'
import { useConfiguration } from '@renderer/data/use-configuration'

function activeInOrder(configuration: ConfigurationSnapshot): ComplaintCategoryConfig[] {
  return configuration.complaintCategories
    .filter((c) => c.active)
    .sort((a, b) => a.sortOrder - b.sortOrder)
}

/**
 * The complaint categories configured on the server, as last pulled (active ones, in order).
 * Empty before the first pull; the form then offers the built-in categories, which the
 * server's default configuration also has.
 */
export function useComplaintCategories(): ComplaintCategoryConfig[] {
  return useConfiguration('complaint_category', activeInOrder)
}
