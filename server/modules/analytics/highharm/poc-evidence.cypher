// Evidence about each person of concern aged 18+ at $to, in the look-back [$from, $to):
// events where they are suspect or subject (with the children harmed as victims), alleged
// exploitation / grooming / recruitment links to young people, and graded intelligence about them.
// Protected characteristics (sex, ethnicity…) are deliberately not read. childAtRisk: records
// from before their 18th birthday that show they were known as a child at risk (a risk
// assessment above none, a referral, or being targeted by exploitation, grooming or recruitment):
// a safeguarding consideration shown beside the ranking, never an input to it.
MATCH (p:PersonOfConcern)
WHERE coalesce(p.dobLatest, p.dateOfBirth) <= date(datetime($to)) - duration({years: 18})
WITH p,
  COLLECT {
    MATCH (e:Event)-[i:INVOLVED]->(p)
    WHERE i.role IN ['suspect', 'subject']
      AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
      AND coalesce(e.status, 'confirmed') <> 'expired' AND NOT coalesce(e.handling, '') IN $hiddenHandling
    RETURN {id: e.id, kind: [l IN labels(e) WHERE NOT l IN ['Entity', 'Event']][0],
      offenceType: e.offenceType, injuryKind: e.kind, atMs: e.occurredAt.epochMillis,
      gradingScheme: e.gradingScheme, sourceEval: e.sourceEval, assessment: e.assessment,
      children: [(e)-[:INVOLVED {role: 'victim'}]->(v:YoungPerson)
        WHERE coalesce(v.dobLatest, v.dateOfBirth, date('9999-12-31')) > date(e.occurredAt) - duration({years: 18}) | v.id]}
  } AS events,
  COLLECT {
    MATCH (p)-[r:EXPLOITS|GROOMS|RECRUITS]->(c:YoungPerson)
    WHERE coalesce(r.status, 'confirmed') <> 'expired' AND NOT coalesce(r.handling, '') IN $hiddenHandling
      AND coalesce(r.validFrom, datetime($from)) < datetime($to)
      AND (r.validTo IS NULL OR r.validTo >= datetime($from))
    RETURN {id: r.id, childId: c.id, atMs: coalesce(r.validFrom, r.recordedAt).epochMillis,
      gradingScheme: r.gradingScheme, sourceEval: r.sourceEval, assessment: r.assessment}
  } AS links,
  COLLECT {
    MATCH (ir:IntelligenceReport)-[a:ABOUT]->(p)
    WHERE ir.occurredAt >= datetime($from) AND ir.occurredAt < datetime($to)
      AND coalesce(ir.status, 'confirmed') <> 'expired' AND NOT coalesce(ir.handling, '') IN $hiddenHandling
    RETURN {id: ir.id, relId: a.id, atMs: ir.occurredAt.epochMillis,
      gradingScheme: ir.gradingScheme, sourceEval: ir.sourceEval, assessment: ir.assessment}
  } AS intel,
  COLLECT {
    MATCH (x)-[:INVOLVED|ABOUT]-(p)
    WHERE ((x:RiskAssessment AND x.riskLevel IN ['low', 'medium', 'high']) OR x:Referral)
      AND x.occurredAt < datetime({date: p.dateOfBirth + duration({years: 18})})
      AND coalesce(x.status, 'confirmed') <> 'expired' AND NOT coalesce(x.handling, '') IN $hiddenHandling
    RETURN DISTINCT x.id AS id
    UNION
    MATCH (:Person)-[r:EXPLOITS|GROOMS|RECRUITS]->(p)
    WHERE coalesce(r.validFrom, r.recordedAt) < datetime({date: p.dateOfBirth + duration({years: 18})})
      AND coalesce(r.status, 'confirmed') <> 'expired' AND NOT coalesce(r.handling, '') IN $hiddenHandling
    RETURN DISTINCT r.id AS id
  } AS childAtRisk
WHERE size(events) > 0 OR size(links) > 0 OR size(intel) > 0
RETURN p.id AS id, p.name AS name, events, links, intel, childAtRisk
