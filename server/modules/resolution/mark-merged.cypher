// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// The duplicate keeps every property; its labels are remembered so an undo restores them exactly.
MATCH (d:Person {id: $drop}), (k:Person {id: $keep})
MATCH (:Entity)-[s:POSSIBLY_SAME_AS {id: $pairId}]->(:Entity)
SET d.mergedLabels = [l IN labels(d) WHERE l <> 'Entity'], d.mergedInto = $keep
REMOVE d:Person:YoungPerson:PersonOfConcern:TrustedAdult
SET d:MergedRecord
SET s.status = 'confirmed', s.decidedBy = $user, s.decidedAt = datetime()
CREATE (d)-[m:MERGED_INTO]->(k)
SET m = $merged
RETURN d.id AS id
