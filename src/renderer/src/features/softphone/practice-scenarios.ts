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
  },
  {
    // The demo data's household line: Carmen and Luis Ortega Ruiz both hold it.
    id: 'household',
    labelKey: 'practice.household',
    remoteNumber: '963 00 01 23',
    remoteDisplayName: null
  },
  {
    // The IVR identified the account although the number is withheld: the header wins.
    id: 'cti-ivr',
    labelKey: 'practice.ctiIvr',
    remoteNumber: 'anonymous',
    remoteDisplayName: null,
    ctiHeaders: { 'x-account': 'CUST-0000002' }
  },
  {
    // Hostile caller data: markup and a right-to-left override must render as inert text.
    id: 'hostile-name',
    labelKey: 'practice.hostileName',
    remoteNumber: '+34 699 000 333',
    remoteDisplayName: '<img src=x onerror=alert(1)>\u202eamaleM',
    ctiHeaders: { 'x-customer-id': '<script>alert(1)</script>' }
  }
]
