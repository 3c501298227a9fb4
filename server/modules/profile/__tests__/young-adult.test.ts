/**
 * A young adult's profile over HTTP: "known as a child at risk" shown as a safeguarding
 * consideration with the records that show it, read through the visibility gate; the fairness
 * fields on the record only for the roles that may see them (faith for none).
 */
import { apiOverGraph } from '../../../../tests/api/harness';
import { GraphBuilder } from '../../analytics/__tests__/support/build';

function graph() {
  const g = new GraphBuilder();
  const graces = { faith: 'muslim', immigrationStatus: 'former_uasc', neurodiversity: ['autism', 'adhd'], firstLanguage: 'other' };
  // An adult (born 2006), with every fairness field recorded.
  g.node('Person', { id: 'ya1', name: 'Test Young Adult One', dateOfBirth: '2006-01-01', sex: 'MALE', ethnicity: 'WHITE_OTHER', source: 'EDUCATION', roles: ['YoungPerson'], ...graces });
  // Assessed at risk at 17 by social care (not shared with education), and a referral at 17 by education.
  g.event('RiskAssessment', 'ra-ya1', '2023-06-01T10:00:00Z', { ceamScore: 25, riskLevel: 'high', source: 'SOCIAL_CARE' });
  g.rel('ABOUT', 'ra-ya1', 'ya1', { source: 'SOCIAL_CARE' });
  g.event('Referral', 'ref-ya1', '2023-07-01T10:00:00Z', { referralType: 'SOCIAL_CARE', source: 'EDUCATION' });
  g.rel('INVOLVED', 'ref-ya1', 'ya1', { role: 'subject', source: 'EDUCATION' });
  // An adult assessed only after 18, and a child: neither is "known as a child at risk".
  g.node('Person', { id: 'ya2', name: 'Test Young Adult Two', dateOfBirth: '2005-01-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'EDUCATION', roles: ['YoungPerson'] });
  g.event('RiskAssessment', 'ra-ya2', '2024-06-01T10:00:00Z', { ceamScore: 25, riskLevel: 'high', source: 'EDUCATION' });
  g.rel('ABOUT', 'ra-ya2', 'ya2', { source: 'EDUCATION' });
  g.child('k1', '2015-01-01', { source: 'EDUCATION' });
  g.event('RiskAssessment', 'ra-k1', '2025-06-01T10:00:00Z', { ceamScore: 25, riskLevel: 'high', source: 'EDUCATION' });
  g.rel('ABOUT', 'ra-k1', 'k1', { source: 'EDUCATION' });
  return g.units();
}

const Q = `query P($id: ID!) { profile(id: $id) { node { properties } flags knownAsChildAtRisk childAtRiskEvidence } }`;
const api = apiOverGraph({ modules: ['profile'], graph });
const profile = async (id: string, user: string) => (await api.gql(user, Q, { id }, { justification: 'TEST-CASE-7' })).body.data.profile;

describe('a young adult\'s profile', () => {
  it('shows an adult known as a child at risk, with the records, as a safeguarding consideration', async () => {
    const p = await profile('ya1', 'ana.analyst');
    expect(p).toMatchObject({ knownAsChildAtRisk: true, childAtRiskEvidence: ['ra-ya1', 'ref-ya1'] });
    expect(p.flags[0]).toBe('Known as a child at risk before turning 18 (ra-ya1, ref-ya1): a safeguarding consideration for this young adult.');
    for (const id of ['ya2', 'k1']) expect(await profile(id, 'ana.analyst')).toMatchObject({ knownAsChildAtRisk: false, childAtRiskEvidence: [] });
  });

  it('a partner sees only the evidence it may see (its own referral, not social care\'s assessment)', async () => {
    expect(await profile('ya1', 'pam.partner')).toMatchObject({ knownAsChildAtRisk: true, childAtRiskEvidence: ['ref-ya1'] });
  });

  it('fairness fields on the record: analyst and police see all but faith; lead and partner none', async () => {
    for (const user of ['ana.analyst', 'pat.police']) {
      const props = (await profile('ya1', user)).node.properties;
      expect([user, props]).toEqual([user, expect.objectContaining({ immigrationStatus: 'former_uasc', neurodiversity: ['autism', 'adhd'], firstLanguage: 'other' })]);
      expect(props).not.toHaveProperty('faith');
    }
    for (const user of ['lee.lead', 'pam.partner']) {
      const props = (await profile('ya1', user)).node.properties;
      for (const k of ['faith', 'immigrationStatus', 'neurodiversity', 'firstLanguage']) expect([user, k, props[k]]).toEqual([user, k, undefined]);
    }
  });
});
