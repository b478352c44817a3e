import type { TFunction } from 'i18next'

import type { FindingCatalog } from '@shared/yaml/finding-detail'
import { unsafeFlaws } from '@shared/text/unsafe-text'
import { yamlErrorCodes } from '@shared/yaml/located-yaml'
import type { SourceIssue } from './source-outcome'

const has = (record: object, key: string): boolean => Object.hasOwn(record, key)
const syntaxCodes: ReadonlySet<string> = new Set(yamlErrorCodes)
const flaws: ReadonlySet<string> = new Set(unsafeFlaws)

/**
 * A finding's message in the UI's language: the text at `<prefix>.<code>.<kind>` with the values
 * the finding names, when `catalog` (the validator's own) knows that kind and the finding carries
 * every value it names; a syntax error from the parser's code (`sourceEditor.syntax.<CODE>`, one
 * text for every editor); else the validator's English message, as an older server sends it. The values are plain text, filled in once (i18next
 * does not read `{{…}}` or `$t(…)` inside a value) and shown by React as text.
 */
export function findingMessage(
  t: TFunction,
  catalog: FindingCatalog,
  prefix: string
): (issue: SourceIssue) => string {
  return (issue) => {
    const { detail } = issue
    if (detail && issue.code === 'syntax' && syntaxCodes.has(detail.key)) {
      return t(`sourceEditor.syntax.${detail.key}`)
    }
    // Text no form or scenario may hold (a control character, broken Unicode), by its field.
    if (detail && issue.code === 'schema' && flaws.has(detail.key)) {
      const field = detail.params['field']
      if (field !== undefined) {
        return t(`sourceEditor.unsafe.${detail.key}`, { replace: { field } })
      }
    }
    if (!detail || !has(catalog, issue.code)) return issue.message
    const kinds = catalog[issue.code] ?? {}
    const names = has(kinds, detail.key) ? kinds[detail.key] : undefined
    if (!names?.every((name) => has(detail.params, name))) return issue.message
    // `replace`: the values stay apart from t's own options (a value named `count` or `lng`).
    return t(`${prefix}.${issue.code}.${detail.key}`, { replace: { ...detail.params } })
  }
}
