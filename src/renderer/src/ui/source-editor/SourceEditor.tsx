import { Upload } from 'lucide-react'
import {
  useDeferredValue,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type UIEvent
} from 'react'
import { useTranslation } from 'react-i18next'

import type { SourceIssue, SourceOutcome } from './source-outcome'
import { offsetOf, positionOf } from './source-position'
import { SourceIssuesList } from './SourceIssuesList'
import './source-editor.css'

type UploadState =
  | { state: 'idle' }
  | { state: 'uploading' }
  | { state: 'offline' }
  | { state: 'failed'; message: string }
  /** The server's findings, for the text exactly as it was sent. */
  | { state: 'rejected'; source: string; message: string; issues: SourceIssue[] }

/** What is checked of the text as it is typed. */
export interface SourceCheck {
  /** Findings that keep it from being uploaded. */
  issues: readonly SourceIssue[]
  /** The readable preview; null while the text has no shape to show. */
  preview: ReactNode
  /** A remark that does not block (what only the server can check), or null. */
  note?: string | null
}

export interface SourceEditorProps<T> {
  initialSource: string
  /** The validator the server runs, on the text as typed (deferred while typing fast). */
  check: (source: string) => SourceCheck
  /** The textarea's label ("YAML del formulario"). */
  sourceLabel: string
  /** Under the preview while there is none. */
  noPreview: string
  /** The text is clean. */
  clean: string
  codeLabel: (code: string) => string
  /** A finding's message in words: `findingMessage` over the validator's catalog. */
  messageOf: (issue: SourceIssue) => string
  onUpload: (source: string) => Promise<SourceOutcome<T>>
  onUploaded: (uploaded: T) => Promise<void>
  onCancel: () => void
}

/**
 * A versioned YAML source (an evaluation form, a practice scenario) beside its preview: checked as
 * it is typed with the validator the server runs, each finding on its line (a click puts the
 * caret there). "Subir borrador" sends it; the server's findings, if any, show the same way.
 */
export function SourceEditor<T>(props: SourceEditorProps<T>) {
  const { t } = useTranslation()
  const { check, onUpload, onUploaded, onCancel } = props
  const id = useId()
  const [source, setSource] = useState(props.initialSource)
  const deferred = useDeferredValue(source)
  const checked = useMemo(() => check(deferred), [check, deferred])
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
  const list = {
    clean: props.clean,
    codeLabel: props.codeLabel,
    messageOf: props.messageOf,
    onGoTo: goTo
  }
  return (
    <div className="source-editor">
      <div className="source-editor-source">
        <label htmlFor={`${id}-yaml`} className="source-editor-label">
          {props.sourceLabel}
        </label>
        <div className="source-code">
          <pre className="source-code-gutter" ref={gutter} aria-hidden="true">
            {Array.from({ length: lineCount }, (_, i) => (
              <span key={i} className={flagged.has(i + 1) ? 'source-code-flag' : undefined}>
                {flagged.has(i + 1) ? `! ${String(i + 1)}` : i + 1}
                {'\n'}
              </span>
            ))}
          </pre>
          <textarea
            id={`${id}-yaml`}
            ref={area}
            className="source-code-text"
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
        <p id={`${id}-caret`} className="muted source-editor-caret">
          {t('sourceEditor.caret', caret)}
        </p>
        {serverIssues !== null ? (
          <>
            <p role="alert" className="error">
              {t('sourceEditor.rejected')}
            </p>
            <SourceIssuesList issues={serverIssues} source="server" {...list} />
          </>
        ) : (
          <SourceIssuesList issues={checked.issues} source="local" {...list} />
        )}
        {checked.note && <p className="muted source-editor-note">{checked.note}</p>}
      </div>
      <div
        className="source-editor-preview"
        // Focusable so the keyboard can scroll a long preview (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        {checked.preview ?? <p className="muted">{props.noPreview}</p>}
      </div>
      <footer className="source-editor-actions">
        {upload.state === 'offline' && (
          <p role="alert" className="error">
            {t('sourceEditor.offline')}
          </p>
        )}
        {upload.state === 'failed' && (
          <p role="alert" className="error">
            {t('sourceEditor.failed', { message: upload.message })}
          </p>
        )}
        {blocked && checked.issues.length > 0 && (
          <p className="muted">{t('sourceEditor.fixFirst')}</p>
        )}
        <button type="button" onClick={onCancel}>
          {t('sourceEditor.cancel')}
        </button>
        <button
          type="button"
          className="accent"
          disabled={blocked || upload.state === 'uploading'}
          onClick={() => void send()}
        >
          <Upload size={14} aria-hidden="true" />
          {upload.state === 'uploading' ? t('sourceEditor.uploading') : t('sourceEditor.upload')}
        </button>
      </footer>
    </div>
  )
}
