// The nodes with these ids that the viewer may see (seeds of a neighbourhood, members of a subgraph).
MATCH (n:Entity) WHERE n.id IN $ids AND VISIBLE_NODE(n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
