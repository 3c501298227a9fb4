import fs from 'node:fs';
import path from 'node:path';
import { compactCypher, cypherFile } from '../query';

/** Every .cypher file a feature or the platform runs (schema migrations are applied as they are). */
function queryFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === '__tests__' ? [] : queryFiles(p);
    return d.name.endsWith('.cypher') ? [p] : [];
  });
}

describe('compactCypher', () => {
  it('drops comments and collapses whitespace outside literals and quoted names', () => {
    const src = "// header, it's a comment\nMATCH (n:X {id: $id})  // trailing\n  /* block\n comment */ WHERE n.a = 'a  // not a comment'\n    AND n.b = \"x\\\" y  z\"\nRETURN n.`odd  name` AS  v";
    expect(compactCypher(src)).toBe("MATCH (n:X {id: $id}) WHERE n.a = 'a  // not a comment' AND n.b = \"x\\\" y  z\" RETURN n.`odd  name` AS v");
  });

  it('keeps every named query free of comments, with its literals intact', () => {
    const files = queryFiles(path.resolve(__dirname, '..', '..', '..'));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      {
        const src = fs.readFileSync(file, 'utf8');
        const text = cypherFile(path.dirname(file), path.basename(file, '.cypher'));
        expect(text).not.toMatch(/\/\/|\n|\s{2}/);
        // String literals survive byte for byte (those outside comments).
        const code = src.split('\n').filter((l) => !/^\s*\/\//.test(l)).map((l) => l.replace(/\/\/[^'"]*$/, '')).join('\n');
        for (const lit of code.match(/'[^'\n]*'/g) ?? []) expect(text).toContain(lit);
      }
    }
  });
});
