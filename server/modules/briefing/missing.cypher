// Missing episodes that started in [$from, $to): the children, risk grading and where found.
MATCH (m:MissingEpisode)
WHERE m.occurredAt >= datetime($from) AND m.occurredAt < datetime($to)
  AND coalesce(m.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(m) AND IN_BOROUGH(m)
RETURN m.id AS id, m.missingRisk AS missingRisk, coalesce(m.fromCare, false) AS fromCare,
  coalesce(m.foundOutOfBorough, false) AS foundOutOfBorough, coalesce(m.countyLinesConcern, false) AS countyLinesConcern,
  [(m)-[inv:INVOLVED]->(p:YoungPerson) WHERE VISIBLE_REL(inv) AND VISIBLE_NODE(p) | p.id] AS childIds
ORDER BY id
