import { CircleAlert, CircleCheck } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { formIssueCodes } from '@shared/evaluations/validate-form'
import type { SourceIssue } from '../forms-api'

/**
 * The findings on the form's text, each with its line and column (a button that moves the caret
 * there) and its message. The count is a polite live status, so typing hears "2 problemas"
 * settle without the list being read out at every key.
 */
export function FormIssuesList({
  issues,
  onGoTo,
  source
}: {
  issues: readonly SourceIssue[]
  onGoTo: (line: number, column: number) => void
  /** Whose findings: this desk's validator as you type, or the server's answer to an upload. */
  source: 'local' | 'server'
}) {
  const { t } = useTranslation()
  const codeLabel = (code: string) =>
    formIssueCodes.some((c) => c === code) ? t(`evaluationForms.issues.codes.${code}`) : code
  return (
    <div className="form-issues">
      <p role="status" className={issues.length === 0 ? 'form-issues-clean' : 'form-issues-count'}>
        {issues.length === 0 ? (
          <>
            <CircleCheck size={14} aria-hidden="true" /> {t('evaluationForms.issues.clean')}
          </>
        ) : (
          <>
            <CircleAlert size={14} aria-hidden="true" />{' '}
            {t(`evaluationForms.issues.count.${source}`, { count: issues.length })}
          </>
        )}
      </p>
      {issues.length > 0 && (
        <ol className="form-issue-list">
          {issues.map((issue, i) => (
            <li key={`${String(i)}:${String(issue.line)}:${String(issue.column)}`}>
              <button
                type="button"
                className="form-issue-place"
                aria-label={t('evaluationForms.issues.goTo', {
                  line: issue.line,
                  column: issue.column
                })}
                onClick={() => {
                  onGoTo(issue.line, issue.column)
                }}
              >
                {issue.line}:{issue.column}
              </button>
              <span className="form-issue-code">{codeLabel(issue.code)}</span>
              <span className="form-issue-message">{sanitizeDisplayText(issue.message, 400)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
