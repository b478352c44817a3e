import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

import { checkFormSource } from '@shared/evaluations/form-source'
import type { FormVersion } from '@shared/evaluations/evaluation-api'
import { formFindings, formIssueCodes } from '@shared/evaluations/validate-form'
import {
  findingMessage,
  shapeMessagesFor,
  SourceEditor,
  type SourceCheck
} from '@renderer/ui/source-editor'
import type { FormsOutcome } from '../forms-api'
import { FormPreview } from './FormPreview'

/**
 * A new version of a form: its YAML beside the preview of the form it makes, checked as it is
 * typed with the validator the server runs (the editor itself: ui/source-editor).
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
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const check = useCallback(
    (source: string): SourceCheck => {
      const checked = checkFormSource(source, shapeMessagesFor(language))
      return {
        issues: checked.issues,
        preview: checked.form ? <FormPreview form={checked.form} /> : null
      }
    },
    [language]
  )
  return (
    <SourceEditor
      initialSource={initialSource}
      check={check}
      sourceLabel={t('evaluationForms.editor.source')}
      noPreview={t('evaluationForms.editor.noPreview')}
      clean={t('evaluationForms.issues.clean')}
      codeLabel={(code) =>
        formIssueCodes.some((c) => c === code) ? t(`evaluationForms.issues.codes.${code}`) : code
      }
      messageOf={findingMessage(t, formFindings, 'evaluationForms.issues.findings')}
      onUpload={onUpload}
      onUploaded={onUploaded}
      onCancel={onCancel}
    />
  )
}
