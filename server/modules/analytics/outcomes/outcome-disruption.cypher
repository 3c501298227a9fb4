// Disruption actions in [$from, $to): tactic, coded outcome, and whether the action was about (or
// at) a place or a county line rather than only a person.
MATCH (d:DisruptionAction)
WHERE d.occurredAt >= datetime($from) AND d.occurredAt < datetime($to)
  AND coalesce(d.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(d) AND IN_BOROUGH(d)
RETURN d.id AS id, d.tactic AS tactic, d.disruptionOutcome AS outcome,
  EXISTS { MATCH (d)-[a:ABOUT|AT]->(c:Location) WHERE VISIBLE_REL(a) AND VISIBLE_NODE(c) } AS onPlace,
  EXISTS { MATCH (d)-[a:ABOUT|AT]->(c:CountyLine) WHERE VISIBLE_REL(a) AND VISIBLE_NODE(c) } AS onLine
ORDER BY id
