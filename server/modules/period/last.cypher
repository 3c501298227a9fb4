// The latest event the caller may see: the Event occurredAt range index walked from its high end
// (as first.cypher, ordered before the gate), stopping at the first event that passes it.
MATCH (e:Event)
WHERE e.occurredAt IS NOT NULL
WITH e ORDER BY e.occurredAt DESC
WHERE VISIBLE_NODE(e)
RETURN e.occurredAt AS at
LIMIT 1
