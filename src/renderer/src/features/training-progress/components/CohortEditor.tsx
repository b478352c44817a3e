import { Save, Search, X } from 'lucide-react'
import { useId, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { MAX_COHORT_SIZE, type CohortBody, type Trainee } from '@shared/practice/progress-api'
import {
  cohortBodyOf,
  matchTrainees,
  toggleTrainee,
  type CohortDraft,
  type DraftProblem
} from '../cohort-draft'
import type { TrainingLoad } from '../use-training-load'
import { LoadNotice } from './LoadNotice'

/**
 * A cohort written in place: its name, then the agents in it, ticked from a list the search
 * narrows (by name or team). Plain checkboxes and a form: Tab, Space and Enter do it all.
 */
export function CohortEditor({
  initial,
  candidates,
  busy,
  onSave,
  onCancel
}: {
  initial: CohortDraft
  candidates: TrainingLoad<Trainee[]>
  busy: boolean
  onSave: (id: string | null, body: CohortBody) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const ids = useId()
  const [draft, setDraft] = useState(initial)
  const [query, setQuery] = useState('')
  const [problem, setProblem] = useState<DraftProblem | null>(null)
  const heading =
    initial.id === null
      ? t('trainingProgress.editor.newHeading')
      : t('trainingProgress.editor.editHeading', { name: sanitizeDisplayText(initial.name, 80) })
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const checked = cohortBodyOf(draft)
    if (!checked.ok) {
      setProblem(checked.problem)
      return
    }
    setProblem(null)
    onSave(draft.id, checked.body)
  }
  const shown = candidates.state === 'ready' ? matchTrainees(candidates.value, query) : []
  return (
    <form className="progress-editor" aria-labelledby={`${ids}-heading`} onSubmit={submit}>
      <h3 id={`${ids}-heading`}>{heading}</h3>
      <label>
        {t('trainingProgress.editor.name')}
        <input
          type="text"
          value={draft.name}
          maxLength={80}
          required
          aria-invalid={problem === 'name'}
          aria-describedby={problem === 'name' ? `${ids}-problem` : undefined}
          onChange={(e) => {
            setDraft({ ...draft, name: e.target.value })
          }}
        />
      </label>
      <fieldset className="progress-members">
        <legend>{t('trainingProgress.editor.candidates')}</legend>
        <label className="progress-search">
          <Search size={14} aria-hidden="true" />
          <span className="visually-hidden">{t('trainingProgress.editor.search')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('trainingProgress.editor.search')}
            aria-describedby={`${ids}-search-hint`}
            onChange={(e) => {
              setQuery(e.target.value)
            }}
          />
        </label>
        <p id={`${ids}-search-hint`} className="hint">
          {t('trainingProgress.editor.searchHint')}
        </p>
        <p role="status" className="progress-selected">
          {t('trainingProgress.editor.selected', { count: draft.traineeIds.length })}
        </p>
        {candidates.state === 'ready' ? (
          candidates.value.length === 0 ? (
            <p className="muted">{t('trainingProgress.editor.noCandidates')}</p>
          ) : shown.length === 0 ? (
            <p className="muted">{t('trainingProgress.editor.noMatch', { query })}</p>
          ) : (
            <ul className="progress-candidates">
              {shown.map((c) => (
                <li key={c.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={draft.traineeIds.includes(c.id)}
                      onChange={() => {
                        setDraft(toggleTrainee(draft, c.id))
                      }}
                    />
                    {sanitizeDisplayText(c.displayName, 80)}
                    <span className="muted">
                      {c.team === null
                        ? t('trainingProgress.table.noTeam')
                        : sanitizeDisplayText(c.team, 80)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )
        ) : candidates.state === 'idle' ? null : (
          <LoadNotice load={candidates} loading={t('trainingProgress.editor.loading')} />
        )}
      </fieldset>
      {problem !== null && (
        <p id={`${ids}-problem`} role="alert" className="error">
          {t(`trainingProgress.editor.problem.${problem}`, { max: MAX_COHORT_SIZE })}
        </p>
      )}
      <div className="progress-actions">
        <button type="submit" disabled={busy}>
          <Save size={14} aria-hidden="true" />
          {t('trainingProgress.editor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          <X size={14} aria-hidden="true" />
          {t('trainingProgress.editor.cancel')}
        </button>
      </div>
    </form>
  )
}
