// Events about, involving or at this node, newest first, with any return interview that
// followed up a missing episode.
MATCH (n:Entity {id: $id})-[r:INVOLVED|AT|ABOUT]-(e:Event)
OPTIONAL MATCH (e)<-[:FOLLOWS_UP]-(f:ReturnInterview)
WITH e, r, collect(f {.id, .occurredAt, .outcome, .source, .handling, .sharedWith}) AS followUps
RETURN e.id AS id, labels(e) AS labels, properties(e) AS ep, type(r) AS relType, properties(r) AS rp, followUps
ORDER BY e.occurredAt DESC
LIMIT $limit
