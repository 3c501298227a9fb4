MATCH (d:MergedRecord)-[m:MERGED_INTO {id: $mergeId}]->(k:Entity)
RETURN d.id AS drop, k.id AS keep, d.mergedLabels AS labels
