// Direct links to people and contexts (events are in the timeline), with provenance.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WHERE NOT m:Event AND VISIBLE_NODE(n) AND VISIBLE_REL(r) AND VISIBLE_NODE(m)
RETURN r.id AS id, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS rp,
       m.id AS otherId, labels(m) AS otherLabels, properties(m) AS op
ORDER BY r.validFrom DESC, r.id
LIMIT $limit
