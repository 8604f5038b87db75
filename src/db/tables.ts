/**
 * Every table of orgraph, as drizzle (and drizzle-kit, for the migrations) sees them: the
 * org's own rows and their history, then the tables beside them.
 */
export * from './org-tables.js';
export * from './responsibility-tables.js';
export * from './service-tables.js';
