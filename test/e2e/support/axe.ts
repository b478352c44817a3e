/**
 * axe-core in the workstation's page, through @axe-core/playwright. It injects axe-core's source
 * with `page.evaluate`; the app's CSP blocks injected script tags, so the spec's context also sets
 * `bypassCSP: true` in case a frame or a later version injects differently. Only serious and
 * critical violations count; allowances come from the reviewed list in axe-allowlist.ts.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { axeAllowlist } from './axe-allowlist'

/** Each serious or critical violation on the page, one line per node, minus the allowances. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Every rule runs; only violations are collected (passes and incomplete results cost time).
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .analyze()
  const lines: string[] = []
  for (const violation of violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
    const allowances = axeAllowlist.filter((a) => a.rule === violation.id)
    for (const node of violation.nodes) {
      const target = node.target.map(String).join(' >>> ')
      const selector = node.target.map(String).at(-1) ?? ''
      const allowed =
        allowances.length > 0 &&
        (await page.evaluate(
          ({ selector, scopes }) => {
            const el = document.querySelector(selector)
            return el !== null && scopes.some((scope) => el.closest(scope) !== null)
          },
          { selector, scopes: allowances.map((a) => a.scope) }
        ))
      if (allowed) continue
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)
      lines.push(`${violation.id} (${violation.impact}) at ${target}: ${summary}`)
    }
  }
  return lines
}
