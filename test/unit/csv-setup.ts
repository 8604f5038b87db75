import { csvToDocument } from '../../src/adapters/csv.js';

/** The org's teams an HR export's `team` column may name, in the CSV adapter's tests. */
export const teams = new Map([
  ['storage', { slug: 'storage', name: 'Storage', parent: 'infra' }],
  ['compute', { slug: 'compute', name: 'Compute', parent: 'infra' }],
]);
/** Every column of ours, as a file heads them. */
export const HEADER = 'email,name,title,level,manager_email,team,start_date,departure_date';
/** Rows under that header, adapted. */
export const csv = (...rows: string[]) => csvToDocument([HEADER, ...rows].join('\n'), { teams });
