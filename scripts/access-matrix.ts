/**
 * `npm run access-matrix`: writes docs/access-matrix.md from the capability table and the record
 * rules. `npm run access-matrix -- --check` writes nothing and exits 1 when the file is out of date.
 */
import fs from 'node:fs';
import { ACCESS_MATRIX_DOC, renderAccessMatrix } from './access-matrix/render';

const text = renderAccessMatrix();
const current = fs.existsSync(ACCESS_MATRIX_DOC) ? fs.readFileSync(ACCESS_MATRIX_DOC, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${ACCESS_MATRIX_DOC} is out of date: run npm run access-matrix`);
    process.exit(1);
  }
  console.log(`${ACCESS_MATRIX_DOC} is up to date`);
} else {
  fs.writeFileSync(ACCESS_MATRIX_DOC, text);
  console.log(current === text ? `${ACCESS_MATRIX_DOC} unchanged` : `Wrote ${ACCESS_MATRIX_DOC}`);
}
