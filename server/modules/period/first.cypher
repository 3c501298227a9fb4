// The earliest event the caller may see. The events are ordered by the indexed occurredAt before
// the gate is applied, so the planner walks the Event occurredAt range index from its low end and
// stops at the first event that passes (Limit over a filtered index scan, no sort). With the gate
// in the MATCH's WHERE the planner may split the gate's OR into a union of scans and sort them
// (it does on a small graph); ordering first keeps one ordered scan at every size.
MATCH (e:Event)
WHERE e.occurredAt IS NOT NULL
WITH e ORDER BY e.occurredAt ASC
WHERE VISIBLE_NODE(e)
RETURN e.occurredAt AS at
LIMIT 1
