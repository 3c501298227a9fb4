/** Writes cypher/schema/001_model.cypher from the model. */
import fs from 'node:fs';
import path from 'node:path';
import { schemaFileText } from '../server/model/schema';

const file = path.resolve(__dirname, '..', 'cypher', 'schema', '001_model.cypher');
fs.writeFileSync(file, schemaFileText());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
