import fs from 'node:fs';
import path from 'node:path';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__NEO4J__?.stop();
  if (globalThis.__NEO4J__?.how === 'embedded' && globalThis.__NEO4J_DIR__) {
    fs.rmSync(path.resolve(__dirname, '..', '..', globalThis.__NEO4J_DIR__), { recursive: true, force: true });
  }
  if (process.env.ACCESS_LOG_CHECKPOINTS) fs.rmSync(path.resolve(__dirname, '..', '..', process.env.ACCESS_LOG_CHECKPOINTS), { force: true });
}
