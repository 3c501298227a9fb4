// Evidence about each person of concern aged 18+ at $to, in the look-back [$from, $to):
// events of $offenceKinds (incidents, arrests) where they are suspect or subject, from their 18th
// birthday on (with the children harmed as victims). What they did or what was recorded about them
// as a child, and records of their own safety (missing, referrals, assessments), are not evidence
// against an adult: a child is a young person first. Alleged
// exploitation / grooming / recruitment links to young people, and graded intelligence about them.
// Protected characteristics (sex, ethnicity…) are deliberately not read. childAtRisk: records
// from before their 18th birthday that show they were known as a child at risk (a risk
// assessment above none, a referral, or being targeted by exploitation, grooming or recruitment):
// a safeguarding consideration shown beside the ranking, never an input to it.
MATCH (p:PersonOfConcern)
WHERE coalesce(p.dobLatest, p.dateOfBirth) <= date(datetime($to)) - duration({years: 18}) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
WITH p,
  COLLECT {
    MATCH (e:Event)-[i:INVOLVED]->(p)
    WHERE i.role IN ['suspect', 'subject'] AND any(l IN labels(e) WHERE l IN $offenceKinds)
      AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
      AND e.occurredAt >= datetime({date: coalesce(p.dobLatest, p.dateOfBirth) + duration({years: 18})})
      AND coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND VISIBLE_REL(i)
    RETURN {id: e.id, kind: [l IN labels(e) WHERE NOT l IN ['Entity', 'Event']][0],
      offenceType: e.offenceType, injuryKind: e.kind, atMs: e.occurredAt.epochMillis,
      gradingScheme: e.gradingScheme, sourceEval: e.sourceEval, assessment: e.assessment,
      children: [(e)-[iv:INVOLVED {role: 'victim'}]->(v:YoungPerson)
        WHERE VISIBLE_REL(iv) AND VISIBLE_NODE(v) AND coalesce(v.dobLatest, v.dateOfBirth, date('9999-12-31')) > date(e.occurredAt) - duration({years: 18}) | v.id]}
  } AS events,
  COLLECT {
    MATCH (p)-[r:EXPLOITS|GROOMS|RECRUITS]->(c:YoungPerson)
    WHERE coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r) AND VISIBLE_NODE(c)
      AND coalesce(r.validFrom, datetime($from)) < datetime($to)
      AND (r.validTo IS NULL OR r.validTo >= datetime($from))
    RETURN {id: r.id, childId: c.id, atMs: coalesce(r.validFrom, r.recordedAt).epochMillis,
      gradingScheme: r.gradingScheme, sourceEval: r.sourceEval, assessment: r.assessment}
  } AS links,
  COLLECT {
    MATCH (ir:IntelligenceReport)-[a:ABOUT]->(p)
    WHERE ir.occurredAt >= datetime($from) AND ir.occurredAt < datetime($to)
      AND coalesce(ir.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ir) AND VISIBLE_REL(a)
    RETURN {id: ir.id, relId: a.id, atMs: ir.occurredAt.epochMillis,
      gradingScheme: ir.gradingScheme, sourceEval: ir.sourceEval, assessment: ir.assessment}
  } AS intel,
  COLLECT {
    MATCH (x)-[xa:INVOLVED|ABOUT]-(p)
    WHERE ((x:RiskAssessment AND x.riskLevel IN ['low', 'medium', 'high']) OR x:Referral)
      AND x.occurredAt < datetime({date: p.dateOfBirth + duration({years: 18})})
      AND coalesce(x.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(x) AND VISIBLE_REL(xa)
    RETURN DISTINCT x.id AS id
    UNION
    MATCH (other:Person)-[r:EXPLOITS|GROOMS|RECRUITS]->(p)
    WHERE coalesce(r.validFrom, r.recordedAt) < datetime({date: p.dateOfBirth + duration({years: 18})})
      AND coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r) AND VISIBLE_NODE(other)
    RETURN DISTINCT r.id AS id
  } AS childAtRisk
WHERE size(events) > 0 OR size(links) > 0 OR size(intel) > 0
RETURN p.id AS id, p.name AS name, events, links, intel, childAtRisk
