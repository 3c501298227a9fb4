/**
 * Streaming CSV reading. The encoding is decided by a first streaming pass: valid UTF-8 (with or
 * without a byte-order mark) is read as UTF-8, anything else as Windows-1252 (the usual encoding
 * of exports from older case-management systems). Neither pass holds the whole file in memory:
 * the parser keeps at most one read chunk plus the record it is in the middle of.
 *
 * The parser (RFC 4180): fields separated by commas, records by CRLF, LF or CR; a field in double
 * quotes may hold commas, line breaks and doubled quotes (""); empty lines are skipped; the first
 * record is the header (names trimmed); every record must have as many fields as the header. A
 * quote inside an unquoted field, text after a closing quote, an unclosed quote or a record of
 * the wrong length is an error naming the line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
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
  /** The line the row starts on, as a spreadsheet numbers it (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvReader {
  encoding: Encoding;
  header: string[];
  /** The data rows, a read chunk's worth at a time. */
  batches: AsyncGenerator<CsvRow[]>;
  /** SHA-256 of the bytes read so far (of the whole file once the rows are all read). */
  digest(): string;
}

/** A malformed CSV: the message names the problem, `lines` the line it was found on. */
export class CsvError extends Error {
  constructor(message: string, readonly lines: number) {
    super(message);
    this.name = 'CsvError';
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Incremental RFC 4180 parser over decoded text. */
export class CsvParser {
  private text = '';
  /** Line number (1-based) where the unconsumed text starts. */
  private line = 1;
  /** Line number after the last complete record. */
  records: string[][] = [];

  /** Adds text; complete records are appended to `records`. */
  push(chunk: string, final = false): void {
    const s = this.text + chunk;
    const n = s.length;
    let p = 0;
    let line = this.line;
    outer:
    while (p < n) {
      const start = p;
      const startLine = line;
      const c0 = s.charCodeAt(p);
      // Empty line (skipped).
      if (c0 === LF) { p += 1; line += 1; continue; }
      if (c0 === CR) {
        if (p + 1 >= n && !final) break;
        p += s.charCodeAt(p + 1) === LF ? 2 : 1;
        line += 1;
        continue;
      }
      const fields: string[] = [];
      for (;;) {
        if (p < n && s.charCodeAt(p) === QUOTE) {
          // Quoted field.
          let value = '';
          let q = p + 1;
          for (;;) {
            const close = s.indexOf('"', q);
            if (close < 0) {
              if (!final) { p = start; line = startLine; break outer; }
              throw new CsvError(`Quote Not Closed: the parsing is finished with an opening quote at line ${startLine}`, startLine);
            }
            value += s.slice(q, close);
            if (close + 1 >= n && !final) { p = start; line = startLine; break outer; }
            if (s.charCodeAt(close + 1) === QUOTE) { value += '"'; q = close + 2; continue; }
            p = close + 1;
            break;
          }
          for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line += 1;
          if (value.indexOf('\r') >= 0) line += (value.match(/\r(?!\n)/g) ?? []).length;
          fields.push(value);
          if (p >= n) {
            if (!final) { p = start; line = startLine; break outer; }
            break;
          }
          const c = s.charCodeAt(p);
          if (c === COMMA) { p += 1; continue; }
          if (c === LF || c === CR) break;
          throw new CsvError(`Invalid Closing Quote: got "${s[p]}" at line ${line} instead of delimiter or record delimiter`, line);
        }
        // Unquoted field: up to the next comma or line break.
        let q = p;
        while (q < n) {
          const c = s.charCodeAt(q);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) throw new CsvError(`Invalid Opening Quote: a quote is found in an unquoted field at line ${line}`, line);
          q += 1;
        }
        if (q >= n && !final) { p = start; line = startLine; break outer; }
        fields.push(s.slice(p, q));
        p = q;
        if (p < n && s.charCodeAt(p) === COMMA) { p += 1; continue; }
        break;
      }
      // End of record: a line break or the end of the text.
      if (p < n) {
        if (s.charCodeAt(p) === CR) {
          if (p + 1 >= n && !final) { p = start; line = startLine; break; }
          p += s.charCodeAt(p + 1) === LF ? 2 : 1;
        } else p += 1;
        line += 1;
      }
      (fields as string[] & { line?: number }).line = startLine;
      this.records.push(fields);
    }
    this.text = p < n ? s.slice(p) : '';
    this.line = line;
  }
}

/**
 * Opens a CSV for streaming. Quoted fields may hold commas and newlines. Calls onBytes with the
 * bytes read so far (for a progress bar).
 */
export async function openCsv(file: string, onBytes?: (bytes: number) => void): Promise<CsvReader> {
  const encoding = await detectEncoding(file);
  const source = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  const hash = crypto.createHash('sha256');
  source.on('data', (chunk) => { hash.update(chunk as Buffer); onBytes?.(source.bytesRead); });
  // TextDecoder drops a UTF-8 byte-order mark; Windows-1252 goes through iconv-lite.
  const utf8 = new TextDecoder('utf-8');
  const win = encoding === 'windows-1252' ? iconv.getDecoder('win1252') : undefined;
  const decode = (b: Buffer): string => (win ? win.write(b) : utf8.decode(b, { stream: true }));
  const parser = new CsvParser();
  const chunks = source[Symbol.asyncIterator]();
  let ended = false;
  /** Parses until at least one record is ready (or the file ends). */
  const fill = async (): Promise<void> => {
    while (parser.records.length === 0 && !ended) {
      const r = await chunks.next();
      if (r.done) {
        ended = true;
        parser.push(win ? (win.end() ?? '') : utf8.decode(), true);
      } else parser.push(decode(r.value as Buffer));
    }
  };
  try {
    await fill();
  } catch (e) {
    source.destroy();
    throw e;
  }
  const header = (parser.records.shift() ?? []).map((c) => c.trim());
  async function* batches(): AsyncGenerator<CsvRow[]> {
    let n = 0;
    const width = header.length;
    try {
      for (;;) {
        await fill();
        if (parser.records.length === 0) return;
        const records = parser.records;
        parser.records = [];
        const out: CsvRow[] = new Array(records.length);
        for (let k = 0; k < records.length; k++) {
          const fields = records[k];
          if (fields.length !== width) {
            const line = (fields as string[] & { line?: number }).line ?? 0;
            throw new CsvError(`Invalid Record Length: columns length is ${width}, got ${fields.length} on line ${line}`, line);
          }
          const values: Record<string, string> = {};
          for (let c = 0; c < width; c++) values[header[c]] = fields[c];
          n += 1;
          out[k] = { row: n, line: (fields as string[] & { line?: number }).line ?? n + 1, values };
        }
        yield out;
      }
    } finally {
      source.destroy();
    }
  }
  return { encoding, header, batches: batches(), digest: () => hash.copy().digest('hex') };
}
