// Exact id lookup (any entity).
MATCH (node:Entity {id: $id})
WHERE ($kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)) AND VISIBLE_NODE(node)
RETURN node.id AS id, labels(node) AS labels, properties(node) AS props, 1000.0 AS score
