// Disruption actions in [$from, $to): tactic and the persons of concern or places they were about.
MATCH (d:DisruptionAction)
WHERE d.occurredAt >= datetime($from) AND d.occurredAt < datetime($to)
  AND coalesce(d.status, 'confirmed') <> 'expired' AND NOT coalesce(d.handling, '') IN $hiddenHandling
RETURN d.id AS id, d.tactic AS tactic, d.occurredAt.epochMillis AS atMs,
  [(d)-[:ABOUT|INVOLVED]-(p:PersonOfConcern) | p.id] AS personIds,
  [(d)-[:ABOUT|AT]-(c:Context) | c.id] AS contextIds
