import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

import { checkScenarioSource, scenarioFindings, scenarioIssueCodes } from '@shared/practice'
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import type { Script } from '@shared/scripts/schema'
import {
  findingMessage,
  shapeMessagesFor,
  SourceEditor,
  type SourceCheck,
  type SourceOutcome
} from '@renderer/ui/source-editor'
import { ScenarioDetail } from '../../practice-scenarios'
import { scriptCatalog } from '../../scripts'

/**
 * The script versions this desk can check a scenario against: the one it runs of each script
 * (bundled, or newer published). A scenario naming another version is checked by the server.
 */
function deskScripts(): {
  lookup: (id: string, version: number) => Script | undefined
  hasOtherVersion: (id: string, version: number) => boolean
} {
  const { scripts } = scriptCatalog()
  return {
    lookup: (id, version) => {
      const script = scripts.get(id)
      return script?.version === version ? script : undefined
    },
    hasOtherVersion: (id, version) => {
      const script = scripts.get(id)
      return script !== undefined && script.version !== version
    }
  }
}

/**
 * A new version of a practice scenario, or a new scenario: its YAML beside the scenario as the
 * library will show it, checked as it is typed with the validator the server runs (against the
 * script version it names, when this desk has it).
 */
export function ScenarioEditor({
  initialSource,
  onUpload,
  onUploaded,
  onCancel
}: {
  initialSource: string
  onUpload: (source: string) => Promise<SourceOutcome<ScenarioVersion>>
  onUploaded: (version: ScenarioVersion) => Promise<void>
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const check = useCallback(
    (source: string): SourceCheck => {
      const scripts = deskScripts()
      const checked = checkScenarioSource(source, scripts.lookup, shapeMessagesFor(language))
      const named = checked.scenario?.script ?? null
      // Another version of the script than this desk runs: only the server can check it.
      const serverChecks =
        named !== null && scripts.hasOtherVersion(named.id, named.version) ? named : null
      const issues =
        serverChecks === null
          ? checked.issues
          : checked.issues.filter((i) => i.code !== 'unknown_script')
      return {
        issues,
        preview: checked.scenario ? (
          <ScenarioDetail
            detail={{ version: checked.scenario.version, scenario: checked.scenario }}
          />
        ) : null,
        note:
          serverChecks === null
            ? null
            : t('scenarioAuthoring.editor.serverChecksScript', {
                script: serverChecks.id,
                version: serverChecks.version
              })
      }
    },
    [language, t]
  )
  return (
    <SourceEditor
      initialSource={initialSource}
      check={check}
      sourceLabel={t('scenarioAuthoring.editor.source')}
      noPreview={t('scenarioAuthoring.editor.noPreview')}
      clean={t('scenarioAuthoring.editor.clean')}
      codeLabel={(code) =>
        scenarioIssueCodes.some((c) => c === code) ? t(`scenarioAuthoring.codes.${code}`) : code
      }
      messageOf={findingMessage(t, scenarioFindings, 'scenarioAuthoring.findings')}
      onUpload={onUpload}
      onUploaded={onUploaded}
      onCancel={onCancel}
    />
  )
}
