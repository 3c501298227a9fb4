// The nodes with these ids (seeds of a neighbourhood, members of a subgraph).
MATCH (n:Entity) WHERE n.id IN $ids
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
