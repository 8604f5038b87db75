import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Whether an embedded data folder holds a database yet: PGlite's cluster writes PG_VERSION. */
export const holdsCluster = (dataDir: string): boolean => existsSync(join(dataDir, 'PG_VERSION'));
