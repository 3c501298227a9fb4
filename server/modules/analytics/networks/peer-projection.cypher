// Inputs of the peer projection for [$from, $to), as three kinds of rows:
// 'peer'  : ASSOCIATES_WITH between young people valid in the window (a, b, status)
// 'event' : shared events (missing, arrest, incident, injury) with the young people involved and
//           their roles (people[i] had roles[i]), so the victim and the suspect of one incident
//           are not taken for peers
// 'visit' : a young person at a place / school / online space through an event (place, time)
CALL {
  MATCH (a:YoungPerson)-[r:ASSOCIATES_WITH]->(b:YoungPerson)
  WHERE coalesce(r.validFrom, datetime('1900-01-01T00:00:00Z')) < datetime($to)
    AND (r.validTo IS NULL OR r.validTo >= datetime($from))
    AND coalesce(r.status, 'confirmed') <> 'expired'
    AND VISIBLE_REL(r) AND VISIBLE_NODE(a) AND VISIBLE_NODE(b) AND (IN_BOROUGH(a) OR IN_BOROUGH(b))
  RETURN 'peer' AS kind, a.id AS a, b.id AS b, r.status AS status, null AS eventKind, null AS people, null AS roles, null AS place, null AS atMs
  UNION ALL
  MATCH (e:Event)-[i:INVOLVED]->(p:YoungPerson)
  WHERE (e:MissingEpisode OR e:Arrest OR e:Incident OR e:Injury)
    AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
    AND coalesce(e.status, 'confirmed') <> 'expired'
    AND VISIBLE_NODE(e) AND VISIBLE_REL(i) AND VISIBLE_NODE(p)
  WITH e, collect(DISTINCT {id: p.id, role: i.role}) AS involved, collect(p) AS youngPeople
  WHERE any(q IN youngPeople WHERE IN_BOROUGH(q))
  OPTIONAL MATCH (e)-[at:AT]->(c:Context)
  WHERE (c:Location OR c:School OR c:OnlineSpace) AND VISIBLE_REL(at)
  RETURN 'event' AS kind, e.id AS a, null AS b, null AS status,
    [l IN labels(e) WHERE l IN ['MissingEpisode', 'Arrest', 'Incident', 'Injury']][0] AS eventKind,
    [x IN involved | x.id] AS people, [x IN involved | x.role] AS roles, c.id AS place, e.occurredAt.epochMillis AS atMs
}
RETURN kind, a, b, status, eventKind, people, roles, place, atMs
