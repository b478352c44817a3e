/**
 * Simulated callers for practice calls. Numbers are written the way a carrier or PBX might
 * signal them (national formats, spaces, an international prefix), so normalization is
 * exercised on every practice call.
 */
export interface PracticeScenario {
  id: string
  /** i18n key of the scenario's label. */
  labelKey: string
  remoteNumber: string
  remoteDisplayName: string | null
  ctiHeaders?: Record<string, string>
}

export const practiceScenarios: readonly PracticeScenario[] = [
  {
    id: 'known-national',
    labelKey: 'practice.knownCustomer',
    remoteNumber: '612 34 56 78',
    remoteDisplayName: 'José Núñez'
  },
  {
    id: 'known-international',
    labelKey: 'practice.knownInternational',
    remoteNumber: '0034 612-345-678',
    remoteDisplayName: null
  },
  {
    id: 'unknown',
    labelKey: 'practice.unknownCaller',
    remoteNumber: '+34 699 000 111',
    remoteDisplayName: 'Llamante nuevo'
  },
  {
    id: 'withheld',
    labelKey: 'practice.withheld',
    remoteNumber: 'anonymous',
    remoteDisplayName: null
  }
]
