/** National lines a caseworker can call or give the student (DESIGN.md §6); the names are in the staff catalog. */
export const HOTLINES = [
  { key: 'hope24', phone: '400-161-9995' },
  { key: 'youth', phone: '12355' },
  { key: 'mental', phone: '12356' },
  { key: 'police', phone: '110' },
  { key: 'ambulance', phone: '120' },
] as const;

export type Hotline = (typeof HOTLINES)[number];
