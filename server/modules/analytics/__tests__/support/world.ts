/**
 * A tiny hand-built world for analytics tests (quarter 2025-Q3; previous 2025-Q2), with the
 * answers computed by hand in analytics.graph.test.ts.
 */
import { GraphBuilder } from './build';

export function world(): GraphBuilder {
  const g = new GraphBuilder();
  ['k1', 'k2', 'k3', 'k4'].forEach((k) => g.child(k));
  g.child('k5', '2011-05-05');
  g.adult('poc1');
  g.adult('poc2');
  g.place('park');
  g.place('hub', 'transport_hub');
  // Park: a robbery (1460, A1) at the very end of Q3 with k1 victim and poc1 suspect.
  g.event('Incident', 'inc1', '2025-09-30T23:00:00Z', { offenceType: 'robbery' });
  g.involve('inc1', 'k1', 'victim'); g.involve('inc1', 'poc1', 'suspect'); g.rel('AT', 'inc1', 'park');
  // Hub: 10 antisocial behaviour events (weight 1) in Q3.
  for (let i = 0; i < 10; i++) {
    g.event('Incident', `asb${i}`, `2025-09-${String(10 + i).padStart(2, '0')}T12:00:00Z`, { offenceType: 'antisocial_behaviour' });
    g.rel('AT', `asb${i}`, 'hub');
  }
  // A handling-C abh (365) at the hub (only police see it).
  g.event('Incident', 'secret', '2025-09-30T22:00:00Z', { offenceType: 'abh', handling: 'C', conditions: 'Test conditions' });
  g.rel('AT', 'secret', 'hub');
  // Peers: k1–k2–k3 triangle, k4–k5 pair.
  const since = { validFrom: '2025-07-05T00:00:00Z' }; // the triangle forms in Q3
  g.rel('ASSOCIATES_WITH', 'k1', 'k2', since); g.rel('ASSOCIATES_WITH', 'k2', 'k3', since); g.rel('ASSOCIATES_WITH', 'k1', 'k3', since);
  g.rel('ASSOCIATES_WITH', 'k4', 'k5');
  // poc1 exploits k4 (other community): brokerage.
  g.rel('EXPLOITS', 'poc1', 'k4', { exploitationType: 'CCE' });
  // Missing: k2 returns 1 Aug 12:00, RHI completed 48 h later; k3 returns 2 Aug, no RHI.
  g.event('MissingEpisode', 'mis1', '2025-07-31T20:00:00Z', { returnedAt: '2025-08-01T12:00:00Z' });
  g.involve('mis1', 'k2', 'subject');
  g.event('ReturnInterview', 'rhi1', '2025-08-03T12:00:00Z', { outcome: 'completed' });
  g.involve('rhi1', 'k2', 'subject'); g.rel('FOLLOWS_UP', 'rhi1', 'mis1');
  g.event('MissingEpisode', 'mis2', '2025-08-01T20:00:00Z', { returnedAt: '2025-08-02T12:00:00Z' });
  g.involve('mis2', 'k3', 'subject');
  // A referral to panel for k3 ten days later.
  g.event('Referral', 'ref1', '2025-08-12T09:00:00Z', { referralType: 'PANEL' });
  g.involve('ref1', 'k3', 'subject');
  // k5: victim of gbh (1460) in Q2, never referred; k3: victim of gbh too but referred (ref1).
  g.event('Incident', 'inc2', '2025-05-01T10:00:00Z', { offenceType: 'gbh' });
  g.involve('inc2', 'k5', 'victim'); g.involve('inc2', 'poc2', 'suspect');
  g.event('Incident', 'inc3', '2025-05-02T10:00:00Z', { offenceType: 'gbh' });
  g.involve('inc3', 'k3', 'victim');
  // poc3 turns 18 on 1 Sep 2025: suspect in a robbery in May 2025 (as a child).
  g.adult('poc3', '2007-09-01');
  g.event('Incident', 'inc4', '2025-05-03T10:00:00Z', { offenceType: 'robbery' });
  g.involve('inc4', 'poc3', 'suspect'); g.involve('inc4', 'k2', 'victim'); g.rel('AT', 'inc4', 'park');
  // Risk assessments in Q3: k1 high CCE; k2 medium then none (latest counts: not at risk); k4 medium CSE (girl, via sex below).
  g.event('RiskAssessment', 'ra1', '2025-07-10T10:00:00Z', { ceamScore: 30, riskLevel: 'high', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra1', 'k1');
  g.event('RiskAssessment', 'ra2', '2025-07-10T10:00:00Z', { ceamScore: 20, riskLevel: 'medium', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra2', 'k2');
  g.event('RiskAssessment', 'ra3', '2025-09-10T10:00:00Z', { ceamScore: 2, riskLevel: 'none', exploitationType: 'CCE' });
  g.rel('ABOUT', 'ra3', 'k2');
  return g;
}
