/**
 * The values of the org's database enums, in a module without drizzle: what reads an org file
 * (the import command, before it opens any database) checks against them. On Node 22 and
 * later, loading drizzle-orm's ES modules costs about 1.5 s of CPU and 200 MB (Node reads its
 * 179 KB package.json anew for each of its modules), so a bad file is refused before that.
 */
export const LAYER_VALUES = ['PILLAR', 'AREA', 'TEAM'] as const;
export const SEAT_VALUES = ['ENG_LEAD', 'TECH_LEAD'] as const;
export const READINESS_VALUES = ['READY_NOW', 'READY_SOON', 'READY_LATER'] as const;
export const CRITICALITY_VALUES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export const ROLE_SEAT_VALUES = ['ENG_LEAD', 'TECH_LEAD', 'ENGINEER'] as const;
export const ROLE_STATUS_VALUES = ['OPEN', 'FILLED', 'CANCELLED'] as const;
