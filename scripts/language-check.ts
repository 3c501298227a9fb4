/**
 * Language check: `npm run language-check -- <file>` or `… | npm run language-check`.
 * Prints the findings as JSON ({line, column, phrase, suggestion, rule}); exit code 1 when any.
 */
import fs from 'node:fs';
import { checkLanguage } from '../server/language';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === '--help' || file === '-h') {
    console.log('usage: npm run language-check -- <file>   (or pipe text on standard input)');
    return;
  }
  if (file && !fs.existsSync(file)) {
    console.error(`language-check: no such file: ${file}`);
    process.exit(2);
  }
  const text = file ? fs.readFileSync(file, 'utf8') : await readStdin();
  const findings = checkLanguage(text);
  console.log(JSON.stringify(file ? { file, findings } : { findings }, null, 2));
  process.exitCode = findings.length ? 1 : 0;
}

main().catch((e) => { console.error(e); process.exit(2); });
