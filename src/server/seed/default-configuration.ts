/**
 * The configuration a new installation starts with, in Spanish and English: wrap-up codes,
 * pause reasons, complaint categories with subcategories, and compensation limits. Admins
 * adjust the tables afterwards; clients pull them read-only.
 */
import type {
  CompensationLimits,
  ComplaintCategoryConfig,
  DispositionCode,
  PauseReason
} from '@shared/domain/configuration'

export const defaultDispositionCodes: readonly DispositionCode[] = [
  ['resolved', 'Resuelto en la llamada', 'Resolved on the call', false],
  ['information_given', 'Información entregada', 'Information given', false],
  ['sale', 'Venta realizada', 'Sale made', false],
  ['complaint_filed', 'Reclamo registrado', 'Complaint filed', false],
  ['callback_scheduled', 'Volver a llamar', 'Call back', true],
  ['transferred', 'Transferida', 'Transferred', false],
  ['wrong_number', 'Número equivocado', 'Wrong number', false],
  ['dropped', 'Llamada cortada', 'Call dropped', true]
].map(([code, es, en, needsCallback], i) => ({
  code: String(code),
  label: { es: String(es), en: String(en) },
  needsCallback: needsCallback === true,
  active: true,
  sortOrder: (i + 1) * 10
}))

export const defaultPauseReasons: readonly PauseReason[] = [
  { code: 'break', es: 'Descanso', en: 'Break', paid: true, maxMinutes: 15, selectable: true },
  { code: 'lunch', es: 'Almuerzo', en: 'Lunch', paid: false, maxMinutes: 60, selectable: true },
  {
    code: 'training',
    es: 'Capacitación',
    en: 'Training',
    paid: true,
    maxMinutes: null,
    selectable: true
  },
  { code: 'meeting', es: 'Reunión', en: 'Meeting', paid: true, maxMinutes: 60, selectable: true },
  {
    code: 'admin',
    es: 'Tareas administrativas',
    en: 'Admin work',
    paid: true,
    maxMinutes: 30,
    selectable: true
  },
  {
    code: 'technical',
    es: 'Problema técnico',
    en: 'Technical issue',
    paid: true,
    maxMinutes: 30,
    selectable: true
  },
  // Set by the phone watchdog only, when the phone cannot take calls.
  {
    code: 'phone_problem',
    es: 'Teléfono sin servicio',
    en: 'Phone not working',
    paid: true,
    maxMinutes: null,
    selectable: false
  }
].map(({ code, es, en, ...rest }, i) => ({
  code,
  label: { es, en },
  ...rest,
  active: true,
  sortOrder: (i + 1) * 10
}))

const categories: [string, string, string, [string, string, string][]][] = [
  [
    'billing',
    'Facturación',
    'Billing',
    [
      ['double_charge', 'Cobro duplicado', 'Double charge'],
      ['wrong_amount', 'Monto incorrecto', 'Wrong amount'],
      ['unknown_charge', 'Cargo no reconocido', 'Unrecognised charge']
    ]
  ],
  [
    'service_quality',
    'Calidad del servicio',
    'Service quality',
    [
      ['outage', 'Corte del servicio', 'Outage'],
      ['slow_service', 'Servicio lento', 'Slow service'],
      ['unfulfilled_promise', 'Promesa no cumplida', 'Promise not kept']
    ]
  ],
  [
    'product_defect',
    'Producto defectuoso',
    'Product defect',
    [
      ['arrived_broken', 'Llegó dañado', 'Arrived broken'],
      ['stopped_working', 'Dejó de funcionar', 'Stopped working']
    ]
  ],
  [
    'delivery',
    'Entrega',
    'Delivery',
    [
      ['late', 'Entrega tardía', 'Late delivery'],
      ['not_delivered', 'No entregado', 'Not delivered'],
      ['wrong_item', 'Artículo equivocado', 'Wrong item']
    ]
  ],
  [
    'staff_courtesy',
    'Trato del personal',
    'Staff courtesy',
    [
      ['rude', 'Trato descortés', 'Rude treatment'],
      ['no_follow_up', 'Sin seguimiento', 'No follow-up']
    ]
  ],
  ['other', 'Otro', 'Other', []]
]

export const defaultComplaintCategories: readonly ComplaintCategoryConfig[] = categories.map(
  ([code, es, en, subs], i) => ({
    code,
    label: { es, en },
    subcategories: subs.map(([subCode, subEs, subEn]) => ({
      code: subCode,
      label: { es: subEs, en: subEn },
      active: true
    })),
    active: true,
    sortOrder: (i + 1) * 10
  })
)

/** Per grant by role and tier: the more a customer is worth, the more the front line may give. */
export const defaultCompensationLimits: CompensationLimits = {
  currency: 'USD',
  perGrant: [
    { role: 'agent', tier: 'high_yield', maxAmount: 100 },
    { role: 'agent', tier: 'high_potential', maxAmount: 50 },
    { role: 'agent', tier: 'standard', maxAmount: 20 },
    { role: 'agent', tier: 'below_zero', maxAmount: 0 },
    { role: 'team_lead', tier: 'high_yield', maxAmount: 500 },
    { role: 'team_lead', tier: 'high_potential', maxAmount: 250 },
    { role: 'team_lead', tier: 'standard', maxAmount: 100 },
    { role: 'team_lead', tier: 'below_zero', maxAmount: 20 },
    { role: 'admin', tier: 'high_yield', maxAmount: 2000 },
    { role: 'admin', tier: 'high_potential', maxAmount: 1000 },
    { role: 'admin', tier: 'standard', maxAmount: 500 },
    { role: 'admin', tier: 'below_zero', maxAmount: 100 }
  ],
  dailyCapPerAgent: [
    { role: 'agent', maxAmount: 300 },
    { role: 'team_lead', maxAmount: 2000 },
    { role: 'admin', maxAmount: 10000 }
  ],
  dailyCapPerCustomer: 500
}
