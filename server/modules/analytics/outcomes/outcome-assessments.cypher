// Every CEAM assessment before $to of the children in $childIds (those who were offered support),
// with its score: the change of score after support is read from these.
MATCH (p:YoungPerson) WHERE p.id IN $childIds AND VISIBLE_NODE(p)
MATCH (ra:RiskAssessment)-[a:ABOUT|INVOLVED]-(p)
WHERE ra.occurredAt < datetime($to) AND coalesce(ra.status, 'confirmed') <> 'expired'
  AND VISIBLE_NODE(ra) AND VISIBLE_REL(a)
RETURN DISTINCT ra.id AS id, p.id AS childId, ra.occurredAt.epochMillis AS atMs, ra.ceamScore AS score
ORDER BY childId, atMs, id
