import { CircleAlert, CircleCheck } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { SourceIssue } from './source-outcome'

/**
 * The findings on a source text, each with its line and column (a button that moves the caret
 * there) and its message. The count is a polite live status, so typing hears "2 problemas"
 * settle without the list being read out at every key.
 */
export function SourceIssuesList({
  issues,
  onGoTo,
  source,
  clean,
  codeLabel,
  messageOf
}: {
  issues: readonly SourceIssue[]
  onGoTo: (line: number, column: number) => void
  /** Whose findings: this desk's validator as you type, or the server's answer to an upload. */
  source: 'local' | 'server'
  /** What a text without findings is ("Sin problemas: el formulario es válido."). */
  clean: string
  /** A finding's code in words. */
  codeLabel: (code: string) => string
  /** A finding's message in words (in the UI's language when it can; see findingMessage). */
  messageOf: (issue: SourceIssue) => string
}) {
  const { t } = useTranslation()
  return (
    <div className="source-issues">
      <p
        role="status"
        className={issues.length === 0 ? 'source-issues-clean' : 'source-issues-count'}
      >
        {issues.length === 0 ? (
          <>
            <CircleCheck size={14} aria-hidden="true" /> {clean}
          </>
        ) : (
          <>
            <CircleAlert size={14} aria-hidden="true" />{' '}
            {t(`sourceEditor.count.${source}`, { count: issues.length })}
          </>
        )}
      </p>
      {issues.length > 0 && (
        <ol className="source-issue-list">
          {issues.map((issue, i) => (
            <li key={`${String(i)}:${String(issue.line)}:${String(issue.column)}`}>
              <button
                type="button"
                className="source-issue-place"
                aria-label={t('sourceEditor.goTo', { line: issue.line, column: issue.column })}
                onClick={() => {
                  onGoTo(issue.line, issue.column)
                }}
              >
                {issue.line}:{issue.column}
              </button>
              <span className="source-issue-code">{codeLabel(issue.code)}</span>
              <span className="source-issue-message">
                {sanitizeDisplayText(messageOf(issue), 400)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
