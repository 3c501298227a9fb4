// Support offered to children in [$from, $to) (occurredAt is the offer): the programme, where the
// offer stands and the work's dates. Only the child it was offered to (role subject or victim),
// under 18 at the offer or of unknown age.
MATCH (s:Support)-[i:INVOLVED]->(p:YoungPerson)
WHERE s.occurredAt >= datetime($from) AND s.occurredAt < datetime($to) AND i.role IN ['subject', 'victim']
  AND coalesce(s.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(s) AND VISIBLE_REL(i) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(s.occurredAt) - duration({years: 18})
RETURN DISTINCT s.id AS id, p.id AS childId, s.occurredAt.epochMillis AS atMs, s.programme AS programme,
  s.supportStatus AS supportStatus, toString(s.startedOn) AS startedOn, toString(s.endedOn) AS endedOn
ORDER BY atMs, id, childId
