/**
 * The pack's body sections, by id, in the order they are printed: one list that the sections,
 * the borough's strategic priorities (which name sections) and their check all read.
 */
export const SECTION_TITLES = {
  'scale-and-trend': 'Scale and trend',
  demographics: 'Demographics against the borough population',
  missing: 'Missing episodes and return home interviews',
  'critical-moments': 'Critical moments',
  places: 'Places: hotspots, transport and online spaces',
  'peer-networks': 'Peer groups and networks',
  'persons-of-concern': 'Persons of concern',
  'young-adults': 'Young adults (18–25): transitional safeguarding',
  'county-lines': 'County lines',
  nrm: 'National Referral Mechanism',
  disruption: 'Disruption activity',
  'what-difference': 'What difference we make: support and outcomes',
  recommendations: 'Intelligence gaps, recommendations and tasking',
  'data-limitations': 'Data limitations',
} as const;

export type SectionId = keyof typeof SECTION_TITLES;

export const isSectionId = (id: string): id is SectionId => Object.prototype.hasOwnProperty.call(SECTION_TITLES, id);
