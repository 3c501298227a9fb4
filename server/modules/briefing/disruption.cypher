// Disruption actions in [$from, $to): tactic and the persons of concern or places they were about.
MATCH (d:DisruptionAction)
WHERE d.occurredAt >= datetime($from) AND d.occurredAt < datetime($to)
  AND coalesce(d.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(d) AND IN_BOROUGH(d)
RETURN d.id AS id, d.tactic AS tactic, d.occurredAt.epochMillis AS atMs,
  [(d)-[about:ABOUT|INVOLVED]-(p:PersonOfConcern) WHERE VISIBLE_REL(about) AND VISIBLE_NODE(p) | p.id] AS personIds,
  [(d)-[at:ABOUT|AT]-(c:Context) WHERE VISIBLE_REL(at) | c.id] AS contextIds
ORDER BY id
