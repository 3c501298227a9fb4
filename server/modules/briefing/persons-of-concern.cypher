// Persons of concern: who had an event in [$from, $to) and who was ever the subject of a disruption
// action up to $to (disruption status). Adults only by the model's rule.
MATCH (p:PersonOfConcern)
OPTIONAL MATCH (p)<-[:INVOLVED]-(e:Event)
  WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
    AND NOT e:DisruptionAction AND NOT coalesce(e.handling, '') IN $hiddenHandling
WITH p, count(e) AS eventsInQuarter
OPTIONAL MATCH (p)-[:ABOUT|INVOLVED]-(d:DisruptionAction)
  WHERE d.occurredAt < datetime($to) AND NOT coalesce(d.handling, '') IN $hiddenHandling
RETURN p.id AS id, eventsInQuarter,
  count(d) AS disruptionsToDate,
  count(CASE WHEN d.occurredAt >= datetime($from) THEN d END) AS disruptionsInQuarter,
  collect(DISTINCT d.tactic) AS tactics
