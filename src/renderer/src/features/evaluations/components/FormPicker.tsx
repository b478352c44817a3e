/**
 * The toolbar of the scoring view: the form ("Formulario", the forms that apply to this call;
 * fixed once the draft is saved, since an evaluation is read against the version it used) and
 * "Evaluación de calibración" (forced when someone else already evaluated the call).
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { PublishedForm } from '@shared/evaluations/evaluation'

import { formKey } from '../form-applicability'
import { formText } from '../score-text'

export interface FormPickerProps {
  forms: readonly PublishedForm[]
  selected: PublishedForm
  locked: boolean
  onPick: (form: PublishedForm) => void
  calibration: boolean
  calibrationForced: boolean
  onCalibration: (calibration: boolean) => void
}

export function FormPicker(props: FormPickerProps) {
  const { t, i18n } = useTranslation()
  const hintId = useId()
  // The draft's own version may be older than the latest: it is listed all the same.
  const forms = props.forms.some((f) => formKey(f) === formKey(props.selected))
    ? props.forms
    : [props.selected, ...props.forms]
  const label = (f: PublishedForm) =>
    t('evaluations.scoring.formOption', {
      title: formText(f.definition.title, i18n.language, 80),
      version: f.version
    })
  return (
    <>
      <label className="eval-form-picker">
        {t('evaluations.scoring.form')}
        <select
          value={formKey(props.selected)}
          disabled={props.locked || forms.length < 2}
          aria-describedby={props.locked ? hintId : undefined}
          onChange={(e) => {
            const picked = forms.find((f) => formKey(f) === e.target.value)
            if (picked) props.onPick(picked)
          }}
        >
          {forms.map((f) => (
            <option key={formKey(f)} value={formKey(f)}>
              {label(f)}
            </option>
          ))}
        </select>
      </label>
      {props.locked && (
        <span id={hintId} className="hint eval-toolbar-hint">
          {t('evaluations.scoring.formLocked')}
        </span>
      )}
      <label className="eval-calibration">
        <input
          type="checkbox"
          checked={props.calibration}
          disabled={props.calibrationForced}
          onChange={(e) => {
            props.onCalibration(e.target.checked)
          }}
        />
        {t('evaluations.scoring.calibration')}
      </label>
      {props.calibrationForced && (
        <span className="hint eval-toolbar-hint">{t('evaluations.scoring.calibrationForced')}</span>
      )}
    </>
  )
}
