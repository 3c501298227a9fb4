// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
// Relationships and events (flags) whose review date has passed and that are not expired.
CALL {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.reviewBy < $today AND coalesce(r.status, '') <> 'expired'
  RETURN 'relationship' AS kind, type(r) AS type, r.id AS id, a.id AS from, b.id AS to,
         r.status AS status, toString(r.reviewBy) AS reviewBy, r.source AS source
  UNION ALL
  MATCH (e:Event)
  WHERE e.reviewBy < $today AND coalesce(e.status, '') <> 'expired'
  RETURN 'event' AS kind, [l IN labels(e) WHERE NOT l IN ['Entity', 'Event']][0] AS type, e.id AS id, null AS from, null AS to,
         e.status AS status, toString(e.reviewBy) AS reviewBy, e.source AS source
}
RETURN kind, type, id, from, to, status, reviewBy, source
ORDER BY reviewBy, id
