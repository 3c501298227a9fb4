// Events about, involving or at this node, newest first, with any return interview that
// followed up a missing episode.
// The page is chosen before follow-ups and properties are read: a busy place has thousands of events.
// Ties are broken by id, so the same records always give the same page.
MATCH (n:Entity {id: $id})-[r:INVOLVED|AT|ABOUT]-(e:Event)
WHERE VISIBLE_NODE(n) AND VISIBLE_REL(r) AND VISIBLE_NODE(e)
WITH e, r ORDER BY e.occurredAt DESC, e.id, type(r) LIMIT $limit
OPTIONAL MATCH (e)<-[fu:FOLLOWS_UP]-(f:ReturnInterview)
WHERE VISIBLE_REL(fu) AND VISIBLE_NODE(f)
WITH e, r, collect(f {.id, .occurredAt, .outcome, .source, .handling, .sharedWith}) AS followUps
RETURN e.id AS id, labels(e) AS labels, properties(e) AS ep, type(r) AS relType, properties(r) AS rp, followUps
ORDER BY e.occurredAt DESC, e.id, relType
