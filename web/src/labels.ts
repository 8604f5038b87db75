// The API's enum values in the org's own words, for people to read.

export type CoverageStatus = 'STAFFED' | 'TECH_LEAD_MANAGER' | 'MISSING_ENG_LEAD' | 'VACANT';
export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
export type Seat = 'ENG_LEAD' | 'TECH_LEAD';
export type Layer = 'PILLAR' | 'AREA' | 'TEAM';

export const STATUS: Record<CoverageStatus, string> = {
  STAFFED: 'Staffed',
  TECH_LEAD_MANAGER: 'Tech Lead Manager',
  MISSING_ENG_LEAD: 'Missing Eng Lead',
  VACANT: 'Vacant',
};

export const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export const FINDING_KINDS = {
  VACANT_SEAT: 'Vacant seat',
  UNOWNED_AOR: 'Unowned AoR',
  SOLE_AOR_OWNER: 'Sole AoR owner',
  MULTI_SEAT_HOLDER: 'Multi-seat holder',
  NO_SUCCESSOR: 'No successor',
  SUCCESSOR_CONCENTRATION: 'Successor concentration',
  TLM_BEYOND_THRESHOLD: 'TLM beyond threshold',
  LONG_RUNNING_TLM: 'Long-running TLM',
  TECH_LEAD_OFF_TEAM: 'Tech Lead off the team',
  TECH_LEAD_REPORTS_ELSEWHERE: 'Tech Lead reports elsewhere',
  WIDE_SPAN: 'Wide span',
  LONG_ACTING: 'Long acting',
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;

export const SEAT: Record<Seat, string> = { ENG_LEAD: 'Eng Lead', TECH_LEAD: 'Tech Lead' };

export const LAYER: Record<Layer, string> = { PILLAR: 'Pillar', AREA: 'Area', TEAM: 'Team' };

export const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
