import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
const db = new PGlite({ extensions: { btree_gist, pg_trgm } });
await db.exec(`create extension btree_gist; create extension pg_trgm; create table t(id int, s date, e date, exclude using gist (id with =, daterange(s, e + 1, '[)') with &&));`);
await db.exec(`insert into t values (1, '2026-01-01', null)`);
await db.exec(`insert into t values (1, '2026-01-05', '2026-01-04')`);
try { await db.exec(`insert into t values (1, '2026-02-01', null)`); } catch (e) { console.log('refused', e.code, e.constraint, e.message); }
const t0 = Date.now(); const c = await db.clone(); console.log('clone ms', Date.now() - t0, (await c.query('select count(*)::int from t')).rows);
