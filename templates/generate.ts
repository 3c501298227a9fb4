/** Writes templates/*.csv, templates/mappings/*.json and docs/data-dictionary.md from the model. */
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES } from '../server/modules/import/templates';
import { dataDictionary, templateCsv, templateMappingJson } from '../server/modules/import/dictionary';

const root = path.resolve(__dirname, '..');
fs.mkdirSync(path.join(root, 'templates', 'mappings'), { recursive: true });
for (const t of TEMPLATES) {
  fs.writeFileSync(path.join(root, 'templates', `${t.name}.csv`), templateCsv(t));
  fs.writeFileSync(path.join(root, 'templates', 'mappings', `${t.name}.json`), templateMappingJson(t));
}
fs.writeFileSync(path.join(root, 'docs', 'data-dictionary.md'), dataDictionary());
console.log(`wrote ${TEMPLATES.length} templates, their mappings and docs/data-dictionary.md`);
