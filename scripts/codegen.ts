/** `npm run codegen`: writes the types generated from the SDL (see codegen.ts). */
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from '../codegen';

generate(codegenConfig(), true)
  .then((files: { filename: string }[]) => { for (const f of files) console.log(`wrote ${f.filename}`); })
  .catch((e: unknown) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
