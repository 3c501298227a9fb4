/** `npm run codegen`: writes the types generated from the SDL and the workspace's operations (codegen.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { generateTypes, ROOT } from './generate';

generateTypes()
  .then((files) => {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(ROOT, f.filename)), { recursive: true });
      fs.writeFileSync(path.join(ROOT, f.filename), f.content);
      console.log(`wrote ${f.filename}`);
    }
  })
  .catch((e: unknown) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
