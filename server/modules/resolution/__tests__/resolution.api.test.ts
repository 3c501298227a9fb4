/** Reviewing possible duplicates through GraphQL over real HTTP and a real Neo4j. */
import { apiOverGraph } from '../../../../tests/api/harness';
import { driver } from '../../../../tests/support/db';
import { generate } from '../../../../fixtures/generator';

const fixture = generate({ scale: 'tiny', seed: 20251 });
const J = { justification: 'SYN-CASE-9 duplicate review' };

const api = apiOverGraph({ modules: ['resolution'], graph: () => fixture.units });

describe('entity resolution API', () => {
  it('an analyst runs resolution, reviews candidates with reasons, confirms, undoes and rejects', async () => {
    const run = await api.gql('ana.analyst', 'mutation { runEntityResolution { people compared proposed alreadyKnown } }', {}, J);
    expect(run.body.errors).toBeUndefined();
    expect(run.body.data.runEntityResolution.proposed).toBeGreaterThanOrEqual(fixture.groundTruth.duplicatePersonPairs.length);

    const list = await api.gql('ana.analyst', '{ sameAsCandidates { id score reasons status personA { id name } personB { id name } } }', {}, J);
    const cands = list.body.data.sameAsCandidates;
    const planted = fixture.groundTruth.duplicatePersonPairs.map((p) => [...p].sort().join('|'));
    expect(cands.map((c: any) => [c.personA.id, c.personB.id].sort().join('|'))).toEqual(expect.arrayContaining(planted));
    expect(cands[0]).toMatchObject({ status: 'hypothesis', reasons: expect.arrayContaining(['same date of birth']) });
    expect(cands[0].personA.name).toEqual(expect.any(String));

    const [first, second] = cands;
    const merged = await api.gql('ana.analyst', 'mutation($id: ID!, $keep: ID) { confirmSameAs(id: $id, keepId: $keep) { keptId mergedId undone } }', { id: first.id, keep: first.personB.id }, J);
    expect(merged.body.data.confirmSameAs).toEqual({ keptId: first.personB.id, mergedId: first.personA.id, undone: false });
    const undone = await api.gql('ana.analyst', 'mutation($id: ID!) { undoMerge(id: $id) { undone } }', { id: first.id }, J);
    expect(undone.body.data.undoMerge.undone).toBe(true);
    if (second) {
      const rejected = await api.gql('ana.analyst', 'mutation($id: ID!) { rejectSameAs(id: $id) }', { id: second.id }, J);
      expect(rejected.body.data.rejectSameAs).toBe(second.id);
    }
    const ops = await driver().executeQuery("MATCH (e:AccessLogEntry) WHERE e.actorId = 'ana.analyst' RETURN collect(e.operation) AS ops");
    expect(ops.records[0].get('ops')).toEqual(expect.arrayContaining(['combination', 'consultation']));
  });

  it('partners cannot use it; a justification is required', async () => {
    expect((await api.gql('pam.partner', '{ sameAsCandidates { id } }', {}, J)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql('ana.analyst', '{ sameAsCandidates { id } }')).body.errors?.[0].extensions?.code).toBe('JUSTIFICATION_REQUIRED');
  });
});
