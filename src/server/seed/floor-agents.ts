/**
 * Who the extra floor agents are (`ATIENDE_SEED_FLOOR_AGENTS`, seed-floor-agents.ts): their
 * usernames and varied names. Kept free of imports so the e2e can name them without loading the
 * server.
 */

/** The team the extra agents join: Carla Méndez leads it in the demo data. */
export const FLOOR_AGENTS_TEAM = 'Norte'

export const floorAgentNames: readonly string[] = [
  'Lucía Fernández',
  'Marta Iglesias',
  'Nicolás Herrera',
  'Olga Prieto',
  'Pablo Vega',
  'María de los Ángeles Fernández de Córdoba y Villalobos-Santisteban',
  'Rosa Blanco',
  'Sergio Castillo',
  'Teresa Núñez',
  'Ulises Romero',
  'Valeria Soto',
  '<img src=x onerror=alert(1)> Hostil',
  'Ximena Ruiz',
  'Yago Domínguez',
  'Zoe Martín',
  'Álvaro Cano',
  'Beatriz Lozano',
  'Carmen Delgado',
  'Daniel Ortega',
  'Eva Molina',
  'Íñigo Echeverría',
  'Begoña Arrieta',
  'Joaquín Sáez',
  'Noelia Cuesta'
]

/** `floor01`, `floor02`…: two digits at least, so they sort as they are numbered. */
export const floorAgentUsername = (n: number): string => `floor${String(n).padStart(2, '0')}`

/** The display name of the `n`-th extra agent (1-based); past the list, names repeat numbered. */
export function floorAgentName(n: number): string {
  const name = floorAgentNames[(n - 1) % floorAgentNames.length] ?? 'Agente'
  return n <= floorAgentNames.length ? name : `${name} ${String(n)}`
}
