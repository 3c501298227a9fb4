// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// Whether merging $drop into another record would make a MERGED_INTO chain of more than 32 links
// (undo, erasure and its scrub follow chains that far: no longer ones may exist).
MATCH (d:Entity {id: $drop})
RETURN EXISTS { (:MergedRecord)-[:MERGED_INTO*32]->(d) } AS tooDeep
