/**
 * Streaming CSV reading. The encoding is decided by a first streaming pass: valid UTF-8 (with or
 * without a byte-order mark) is read as UTF-8, anything else as Windows-1252 (the usual encoding
 * of exports from older case-management systems). Neither pass holds the whole file in memory.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** Reads the file once as a stream; the first invalid UTF-8 sequence decides Windows-1252. */
export async function detectEncoding(file: string): Promise<Encoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let bom = false;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 16 })) {
      const buf = chunk as Buffer;
      if (first) {
        bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
        first = false;
      }
      decoder.decode(buf, { stream: true });
    }
    decoder.decode();
  } catch {
    return 'windows-1252';
  }
  return bom ? 'utf-8-bom' : 'utf-8';
}

export interface CsvRow {
  /** 1-based data row number (the header is row 0). */
  row: number;
  values: Record<string, string>;
}

export interface CsvReader {
  encoding: Encoding;
  header: string[];
  rows: AsyncGenerator<CsvRow>;
}

/**
 * Opens a CSV for streaming. Quoted fields may hold commas and newlines. Calls onBytes with the
 * bytes read so far (for a progress bar).
 */
export async function openCsv(file: string, onBytes?: (bytes: number) => void): Promise<CsvReader> {
  const encoding = await detectEncoding(file);
  const source = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  if (onBytes) source.on('data', () => onBytes(source.bytesRead));
  // UTF-8 goes straight to the parser (it strips a BOM itself); Windows-1252 is decoded first.
  const decoded = encoding === 'windows-1252' ? source.pipe(iconv.decodeStream('win1252')) : source;
  let header: string[] = [];
  const parser = decoded.pipe(parse({
    encoding: 'utf8',
    bom: true,
    columns: (h: string[]) => { header = h.map((c) => c.trim()); return header; },
    skip_empty_lines: true,
    relax_column_count: false,
  }));
  const iterator = parser[Symbol.asyncIterator]();
  // Pull the first record so the header is known before rows are consumed.
  const firstRec = await iterator.next();
  async function* rows(): AsyncGenerator<CsvRow> {
    let n = 0;
    if (firstRec.done) return;
    yield { row: ++n, values: firstRec.value as Record<string, string> };
    for (;;) {
      const r = await iterator.next();
      if (r.done) return;
      yield { row: ++n, values: r.value as Record<string, string> };
    }
  }
  return { encoding, header, rows: rows() };
}
