// For each person in $ids with a recorded date of birth: the records from before their 18th
// birthday that show they were known as a child at risk: a CEAM risk assessment above none or a
// referral (involving them or about them), or being the target of an exploitation, grooming or
// recruitment link. The same test as the high-harm ranking's (highharm/poc-evidence.cypher): a
// safeguarding consideration shown beside a young adult's record, never an input to a score.
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
WHERE p.dateOfBirth IS NOT NULL AND VISIBLE_NODE(p)
WITH p, COLLECT {
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
  } AS evidence
WHERE size(evidence) > 0
RETURN p.id AS id, evidence
