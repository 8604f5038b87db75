import { writeFileSync } from 'node:fs';
import { printSchemaFile, SCHEMA_FILE } from '../graphql/schema-file.js';

writeFileSync(SCHEMA_FILE, printSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
