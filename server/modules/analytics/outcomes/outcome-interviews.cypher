// Return home interviews held in [$from, $to) with children: outcome, the push and pull factors
// recorded and whether harm was disclosed.
MATCH (r:ReturnInterview)-[i:INVOLVED]->(p:YoungPerson)
WHERE r.occurredAt >= datetime($from) AND r.occurredAt < datetime($to)
  AND coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(r) AND VISIBLE_REL(i) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(r.occurredAt) - duration({years: 18})
RETURN DISTINCT r.id AS id, p.id AS childId, r.outcome AS outcome, coalesce(r.pushFactors, []) AS pushFactors,
  coalesce(r.pullFactors, []) AS pullFactors, coalesce(r.harmDisclosed, false) AS harmDisclosed
ORDER BY id, childId
