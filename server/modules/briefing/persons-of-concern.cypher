// Persons of concern: who had an event in [$from, $to) and who was ever the subject of a disruption
// action up to $to (disruption status). Adults only by the model's rule.
MATCH (p:PersonOfConcern)
WHERE VISIBLE_NODE(p) AND IN_BOROUGH(p)
OPTIONAL MATCH (p)<-[inv:INVOLVED]-(e:Event)
  WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
    AND NOT e:DisruptionAction AND VISIBLE_NODE(e) AND VISIBLE_REL(inv)
WITH p, count(e) AS eventsInQuarter
OPTIONAL MATCH (p)-[about:ABOUT|INVOLVED]-(d:DisruptionAction)
  WHERE d.occurredAt < datetime($to) AND VISIBLE_NODE(d) AND VISIBLE_REL(about)
RETURN p.id AS id, eventsInQuarter,
  count(d) AS disruptionsToDate,
  count(CASE WHEN d.occurredAt >= datetime($from) THEN d END) AS disruptionsInQuarter,
  collect(DISTINCT d.tactic) AS tactics
ORDER BY id
