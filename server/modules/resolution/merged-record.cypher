// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
MATCH (d:MergedRecord)-[m:MERGED_INTO {id: $mergeId}]->(k:Entity)
RETURN d.id AS drop, k.id AS keep, d.mergedLabels AS labels
