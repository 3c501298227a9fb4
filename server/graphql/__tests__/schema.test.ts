/** Every module under server/modules/ is discovered and the merged schema builds. */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, discoverModules, MODULES_DIR } from '../schema';
import { MODEL_ENUMS } from '../model-enums';

describe('schema', () => {
  it('discovers every module folder that has a .graphql file, and builds', () => {
    const onDisk = fs.readdirSync(MODULES_DIR).filter((d) => fs.existsSync(path.join(MODULES_DIR, d, `${d}.graphql`)));
    expect(discoverModules().map((m) => m.name).sort()).toEqual(onDisk.sort());
    const schema = buildSchema();
    expect(schema.getQueryType()?.getFields()).toHaveProperty('me');
  });

  it('GraphQL enums come from the model', () => {
    const schema = buildSchema({ modules: [] });
    for (const [name, values] of Object.entries(MODEL_ENUMS)) {
      const e = schema.getType(name) as unknown as { getValues(): Array<{ name: string }> };
      expect(e.getValues().map((v) => v.name)).toEqual([...values]);
    }
  });
});
