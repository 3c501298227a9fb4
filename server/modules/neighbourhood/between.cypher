// Relationships the viewer may see whose two ends are both among these ids.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND VISIBLE_NODE(a) AND VISIBLE_REL(r) AND VISIBLE_NODE(b)
RETURN r.id AS rid, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS rp
