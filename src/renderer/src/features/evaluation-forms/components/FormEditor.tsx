import { Upload } from 'lucide-react'
import { useDeferredValue, useId, useMemo, useRef, useState, type UIEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { checkFormSource } from '@shared/evaluations/form-source'
import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { offsetOf, positionOf } from '../form-versions'
import type { FormsOutcome, SourceIssue } from '../forms-api'
import { FormIssuesList } from './FormIssuesList'
import { FormPreview } from './FormPreview'

type UploadState =
  | { state: 'idle' }
  | { state: 'uploading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  /** The server's findings, for the text exactly as it was sent. */
  | { state: 'rejected'; source: string; message: string; issues: SourceIssue[] }

/**
 * The YAML of a new version beside its preview: checked as it is typed with the validator the
 * server runs, each finding on its line (a click puts the caret there). "Subir borrador" sends
 * it; the server's findings, if any, show the same way.
 */
export function FormEditor({
  initialSource,
  onUpload,
  onUploaded,
  onCancel
}: {
  initialSource: string
  onUpload: (source: string) => Promise<FormsOutcome<FormVersion | null>>
  onUploaded: (version: FormVersion | null) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [source, setSource] = useState(initialSource)
  const deferred = useDeferredValue(source)
  const checked = useMemo(() => checkFormSource(deferred), [deferred])
  const [upload, setUpload] = useState<UploadState>({ state: 'idle' })
  const [caret, setCaret] = useState({ line: 1, column: 1 })
  const area = useRef<HTMLTextAreaElement>(null)
  const gutter = useRef<HTMLPreElement>(null)
  const lineCount = source.split('\n').length
  const serverIssues =
    upload.state === 'rejected' && upload.source === source ? upload.issues : null

  const goTo = (line: number, column: number) => {
    const textarea = area.current
    if (!textarea) return
    const offset = offsetOf(textarea.value, line, column)
    textarea.focus()
    textarea.setSelectionRange(offset, offset)
    // The caret's line a third of the way down, so the lines before it give the context.
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18
    textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3)
    // Back to the line's start unless the column is off screen (monospace: ~0.6 em a character).
    const charWidth = (parseFloat(getComputedStyle(textarea).fontSize) || 12) * 0.6
    textarea.scrollLeft = Math.max(0, column * charWidth - textarea.clientWidth * 0.8)
    setCaret({ line, column })
  }
  const follow = () => {
    const textarea = area.current
    if (textarea) setCaret(positionOf(textarea.value, textarea.selectionStart))
  }
  const send = async () => {
    setUpload({ state: 'uploading' })
    const sent = source
    const result = await onUpload(sent)
    if (result.ok) {
      setUpload({ state: 'idle' })
      await onUploaded(result.data)
    } else if (result.reason === 'rejected') {
      setUpload({ state: 'rejected', source: sent, message: result.message, issues: result.issues })
    } else if (result.reason === 'offline') {
      setUpload({ state: 'offline' })
    } else {
      setUpload({ state: 'failed', message: result.message })
    }
  }
  const blocked = checked.issues.length > 0 || source !== deferred
  // The lines with a finding are marked in the gutter (a "!" as well as the colour).
  const flagged = new Set((serverIssues ?? checked.issues).map((i) => i.line))
  return (
    <div className="form-editor">
      <div className="form-editor-source">
        <label htmlFor={`${id}-yaml`} className="form-editor-label">
          {t('evaluationForms.editor.source')}
        </label>
        <div className="form-code">
          <pre className="form-code-gutter" ref={gutter} aria-hidden="true">
            {Array.from({ length: lineCount }, (_, i) => (
              <span key={i} className={flagged.has(i + 1) ? 'form-code-flag' : undefined}>
                {flagged.has(i + 1) ? `! ${String(i + 1)}` : i + 1}
                {'\n'}
              </span>
            ))}
          </pre>
          <textarea
            id={`${id}-yaml`}
            ref={area}
            className="form-code-text"
            value={source}
            spellCheck={false}
            wrap="off"
            aria-describedby={`${id}-caret`}
            onChange={(e) => {
              setSource(e.target.value)
              follow()
            }}
            onSelect={follow}
            onKeyUp={follow}
            onScroll={(e: UIEvent<HTMLTextAreaElement>) => {
              if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop
            }}
          />
        </div>
        <p id={`${id}-caret`} className="muted form-editor-caret">
          {t('evaluationForms.editor.caret', caret)}
        </p>
        {serverIssues !== null ? (
          <>
            <p role="alert" className="error">
              {t('evaluationForms.editor.rejected')}
            </p>
            <FormIssuesList issues={serverIssues} onGoTo={goTo} source="server" />
          </>
        ) : (
          <FormIssuesList issues={checked.issues} onGoTo={goTo} source="local" />
        )}
      </div>
      <div
        className="form-editor-preview"
        // Focusable so the keyboard can scroll a long preview (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        {checked.form ? (
          <FormPreview form={checked.form} />
        ) : (
          <p className="muted">{t('evaluationForms.editor.noPreview')}</p>
        )}
      </div>
      <footer className="form-editor-actions">
        {upload.state === 'offline' && (
          <p role="alert" className="error">
            {t('evaluationForms.offlineAct')}
          </p>
        )}
        {upload.state === 'failed' && (
          <p role="alert" className="error">
            {t('evaluationForms.editor.failed', { message: upload.message })}
          </p>
        )}
        {blocked && checked.issues.length > 0 && (
          <p className="muted">{t('evaluationForms.editor.fixFirst')}</p>
        )}
        <button type="button" onClick={onCancel}>
          {t('evaluationForms.editor.cancel')}
        </button>
        <button
          type="button"
          className="accent"
          disabled={blocked || upload.state === 'uploading'}
          onClick={() => void send()}
        >
          <Upload size={14} aria-hidden="true" />
          {upload.state === 'uploading'
            ? t('evaluationForms.editor.uploading')
            : t('evaluationForms.editor.upload')}
        </button>
      </footer>
    </div>
  )
}
