// Every county line's status records before $to: the status from each record's date on. A line's
// status at a date is its latest record by then.
MATCH (s:LineStatus)-[at:AT]->(l:CountyLine)
WHERE s.occurredAt < datetime($to)
  AND coalesce(s.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(s) AND VISIBLE_REL(at) AND VISIBLE_NODE(l) AND IN_BOROUGH(l)
RETURN s.id AS id, l.id AS lineId, s.lineStatus AS status, s.occurredAt.epochMillis AS atMs
ORDER BY lineId, atMs, id
