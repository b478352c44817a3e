import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { checkScenarioSource, isFictionalPhone, isPersonaId } from '@shared/practice'
import { brokenDir, bundledScripts, samplesDir } from './support'

const check = (dir: string, file: string) =>
  checkScenarioSource(readFileSync(join(dir, file), 'utf8'), bundledScripts)

const findings = (file: string) =>
  check(brokenDir, file).issues.map((i) => `${String(i.line)}:${i.code}:${i.id ?? ''}`)

/** Each broken fixture has one defect: the finding, its line and the id at fault. */
const broken: Record<string, string> = {
  'duplicate-key.yaml': '17:syntax:',
  'schema-unknown-key.yaml': '39:schema:inform',
  'unknown-script-version.yaml': '19:unknown_script:inbound-service',
  'unknown-node-in-path.yaml': '26:unknown_node:wrap-up',
  'path-skips-a-node.yaml': '24:bad_path:inform',
  'path-stops-early.yaml': '26:bad_path:wrap-resolved',
  'answer-not-an-option.yaml': '38:bad_answer:reason',
  'answer-takes-another-way.yaml': '70:bad_answer:offer-answer',
  'missing-answer.yaml': '23:missing_answer:reason',
  'unknown-jump.yaml': '53:unknown_jump:objection-delivery',
  'unknown-disposition.yaml': '56:unknown_disposition:closed',
  'disposition-mismatch.yaml': '56:disposition_mismatch:transferred',
  'mandatory-off-path.yaml': '87:not_on_path:thanks',
  'mandatory-not-listed.yaml': '31:mandatory_not_listed:disclosure',
  'duplicate-turn.yaml': '42:duplicate_id:inform',
  'persona-id.yaml': '13:persona_id:pablo-caller',
  'persona-phone.yaml': '15:persona_phone:persona-unknown-caller',
  'persona-not-on-file.yaml': '20:persona_not_on_file:persona-unknown-caller',
  'missing-translation.yaml': '36:missing_translation:reason',
  'compensation-above-authority.yaml': '86:bad_compensation:persona-marta-vidal',
  'offer-outcome-mismatch.yaml': '94:bad_offer:cross-sell',
  'time-target-off-path.yaml': '52:not_on_path:greet-known',
  'critical-without-expectation.yaml': '57:bad_critical:offer'
}

describe('checking a practice scenario source', () => {
  it('accepts the four samples, each in Spanish and English', () => {
    const files = readdirSync(samplesDir)
    expect(files).toHaveLength(4)
    for (const file of files) {
      const checked = check(samplesDir, file)
      expect(checked.issues, file).toEqual([])
      expect(checked.scenario?.title.es).toBeTruthy()
      expect(checked.scenario?.title.en).toBeTruthy()
    }
  })

  it('has a test for every broken fixture', () => {
    expect(readdirSync(brokenDir).sort()).toEqual(Object.keys(broken).sort())
  })

  it.each(Object.entries(broken))('%s: one finding, on its line, naming the id', (file, want) => {
    expect(findings(file)).toEqual([want])
  })

  it('gives every finding a line and a column', () => {
    for (const file of Object.keys(broken)) {
      for (const i of check(brokenDir, file).issues) {
        expect(i.line, file).toBeGreaterThan(0)
        expect(i.column, file).toBeGreaterThan(0)
      }
    }
  })

  it('skips the script checks, and says why, when the script version is missing', () => {
    const checked = check(brokenDir, 'unknown-script-version.yaml')
    expect(checked.scenario?.script).toEqual({ id: 'inbound-service', version: 2 })
    expect(checked.issues[0]?.message).toContain('version 2 does not exist')
  })

  it('refuses the id the audio route takes (`/api/practice-scenarios/audio/:key`)', () => {
    const source = readFileSync(join(samplesDir, 'unknown-caller.yaml'), 'utf8').replace(
      /^id: unknown-caller$/m,
      'id: audio'
    )
    const checked = checkScenarioSource(source, bundledScripts)
    expect(checked.scenario).toBeNull()
    expect(checked.issues).toMatchObject([{ code: 'schema', line: 3 }])
    expect(checked.issues[0]?.message).toContain('reserved')
  })
})

describe('persona rules', () => {
  it('takes only the ranges reserved for fiction', () => {
    expect(isFictionalPhone('+447700900000')).toBe(true)
    expect(isFictionalPhone('+447700900999')).toBe(true)
    expect(isFictionalPhone('+447700901000')).toBe(false)
    expect(isFictionalPhone('+12125550100')).toBe(true)
    expect(isFictionalPhone('+12125550200')).toBe(false)
    expect(isFictionalPhone('+34600123456')).toBe(false)
  })

  it('wants a persona- id', () => {
    expect(isPersonaId('persona-ana')).toBe(true)
    expect(isPersonaId('persona-')).toBe(false)
    expect(isPersonaId('ana')).toBe(false)
  })
})
