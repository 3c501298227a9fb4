/** The streaming CSV parser: RFC 4180 quoting across any chunk boundary, and malformed files named by line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CsvParser, openCsv } from '../csv';

const parseInChunks = (text: string, size: number): string[][] => {
  const p = new CsvParser();
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
  p.push('', true);
  return p.records.map((r) => [...r]);
};

describe('CSV parser', () => {
  const cases: Array<[string, string, string[][]]> = [
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['quoted commas, line breaks and doubled quotes; empty lines skipped', 'a,b\n"x,y","z\n""q"""\n\n3,\n', [['a', 'b'], ['x,y', 'z\n"q"'], ['3', '']]],
    ['CR line ends and a quoted CRLF', 'a\r"1\r\n2"\r', [['a'], ['1\r\n2']]],
    ['empty and quoted empty fields, no final line break', 'h1,h2\n,\n"",""', [['h1', 'h2'], ['', ''], ['', '']]],
  ];
  it.each(cases)('%s, whatever the chunk size', (_name, text, expected) => {
    for (const size of [1, 2, 3, 7, 1000]) expect(parseInChunks(text, size)).toEqual(expected);
  });

  it.each([
    ['an unclosed quote', 'a,b\n"1,2\n', /Quote Not Closed.*line 2/],
    ['text after a closing quote', 'a,b\n"1"x,2\n', /Invalid Closing Quote/],
    ['a quote inside an unquoted field', 'a,b\n1"x,2\n', /Invalid Opening Quote/],
  ])('rejects %s', (_name, text, reason) => {
    expect(() => parseInChunks(text, 1000)).toThrow(reason);
  });

  it('streams a file in batches, checks the record length and names the line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-'));
    const file = path.join(dir, 'x.csv');
    fs.writeFileSync(file, `\ufeff id , name\n${Array.from({ length: 20000 }, (_, i) => `p${i},"Name ${i}, Synthetic"`).join('\r\n')}\r\np-bad\n`);
    const csv = await openCsv(file);
    expect(csv).toMatchObject({ encoding: 'utf-8-bom', header: ['id', 'name'] });
    let rows = 0;
    await expect((async () => {
      for await (const batch of csv.batches) for (const r of batch) { rows = r.row; expect(r.values).toEqual({ id: `p${r.row - 1}`, name: `Name ${r.row - 1}, Synthetic` }); }
    })()).rejects.toThrow(/Invalid Record Length: columns length is 2, got 1 on line 20002/);
    expect(rows).toBeGreaterThan(0);
  });
});
