// Name / platform fragments through the full-text index; $text is an escaped Lucene query.
// $peopleByName false: people are found by exact id only (a pseudonymised viewer).
CALL db.index.fulltext.queryNodes('entity_name_search', $text) YIELD node, score
WHERE ($kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)) AND VISIBLE_NODE(node)
  AND ($peopleByName OR NOT node:Person)
RETURN node.id AS id, labels(node) AS labels, properties(node) AS props, score
ORDER BY score DESC, node.id
LIMIT $limit
