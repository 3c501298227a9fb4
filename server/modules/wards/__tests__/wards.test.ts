/** The borough's ward boundaries over HTTP: the configured GeoJSON's wards, for data roles only. */
import path from 'node:path';
import { apiOverGraph } from '../../../../tests/api/harness';
import { readWards } from '../../../platform/borough';

const api = apiOverGraph({ modules: ['wards'] });
const WARDS = '{ wards { name polygons } }';
const configured = readWards(path.resolve(__dirname, '..', '..', '..', '..', 'config', 'synthetic', 'wards.geojson'));

describe('wards', () => {
  it('answers every configured ward with its polygons, [longitude, latitude] pairs', async () => {
    const r = await api.gql('pam.partner', WARDS);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.wards.map((w: { name: string }) => w.name)).toEqual(configured.map((w) => w.name));
    expect(r.body.data.wards[0].polygons).toEqual(configured[0].polygons);
    expect(r.body.data.wards.length).toBeGreaterThan(1);
  });

  it('is refused to roles that read no records', async () => {
    for (const user of ['aud.auditor', 'adm.admin']) {
      expect((await api.gql(user, WARDS)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
