// Undo of mark-merged (labels are restored by the caller from the whitelisted mergedLabels).
MATCH (d:MergedRecord {id: $drop})-[m:MERGED_INTO]->(k:Person {id: $keep})
MATCH (:Entity)-[s:POSSIBLY_SAME_AS {id: $pairId}]->(:Entity)
DELETE m
REMOVE d:MergedRecord, d.mergedLabels, d.mergedInto, s.decidedBy, s.decidedAt
SET s.status = 'hypothesis'
RETURN d.id AS id
