import fs from 'node:fs';
import path from 'node:path';
import { compactCypher, namedQuery } from '../cypher';

describe('compactCypher', () => {
  it('drops comments and collapses whitespace outside literals and quoted names', () => {
    const src = "// header, it's a comment\nMATCH (n:X {id: $id})  // trailing\n  /* block\n comment */ WHERE n.a = 'a  // not a comment'\n    AND n.b = \"x\\\" y  z\"\nRETURN n.`odd  name` AS  v";
    expect(compactCypher(src)).toBe("MATCH (n:X {id: $id}) WHERE n.a = 'a  // not a comment' AND n.b = \"x\\\" y  z\" RETURN n.`odd  name` AS v");
  });

  it('keeps every named query free of comments, with its literals intact', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'cypher', 'queries');
    for (const concept of fs.readdirSync(dir)) {
      for (const file of fs.readdirSync(path.join(dir, concept)).filter((f) => f.endsWith('.cypher'))) {
        const src = fs.readFileSync(path.join(dir, concept, file), 'utf8');
        const text = namedQuery(concept, file.replace(/\.cypher$/, ''));
        expect(text).not.toMatch(/\/\/|\n|\s{2}/);
        // String literals survive byte for byte (those outside comments).
        const code = src.split('\n').filter((l) => !/^\s*\/\//.test(l)).map((l) => l.replace(/\/\/[^'"]*$/, '')).join('\n');
        for (const lit of code.match(/'[^'\n]*'/g) ?? []) expect(text).toContain(lit);
      }
    }
  });
});
