/** The small product catalog demo customers hold. */

export interface CatalogProduct {
  code: string
  name: string
  /** Typical purchase value, which shapes the customer's monetary figures. */
  price: number
}

export const catalog: readonly [CatalogProduct, ...CatalogProduct[]] = [
  { code: 'MOB-BASIC', name: 'Tarifa móvil básica', price: 15 },
  { code: 'MOB-PLUS', name: 'Tarifa móvil ilimitada', price: 35 },
  { code: 'FIBER-300', name: 'Fibra 300 Mb', price: 30 },
  { code: 'FIBER-1G', name: 'Fibra 1 Gb', price: 45 },
  { code: 'TV-SPORTS', name: 'Paquete TV deportes', price: 25 },
  { code: 'INS-HOME', name: 'Seguro de hogar', price: 20 },
  { code: 'DEV-PHONE', name: 'Smartphone a plazos', price: 60 },
  { code: 'CLOUD-1TB', name: 'Almacenamiento en la nube 1 TB', price: 10 }
]
