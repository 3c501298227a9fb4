// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// Undo of mark-merged; $labels are the record's own labels, kept in mergedLabels (checked against
// a whitelist by the caller) and set as a parameter.
MATCH (d:MergedRecord {id: $drop})-[m:MERGED_INTO]->(k:Entity {id: $keep})
MATCH (:Entity)-[s:POSSIBLY_SAME_AS {id: $pairId}]->(:Entity)
DELETE m
REMOVE d:MergedRecord, d.mergedLabels, d.mergedInto, s.decidedBy, s.decidedAt
SET s.status = 'hypothesis', d:$($labels)
RETURN d.id AS id
