// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// The records a merged record's relationships can be at: those its MERGED_INTO chain leads to,
// nearest first. Bounded at 33 links; the caller refuses chains longer than 32.
MATCH p = (:MergedRecord {id: $drop})-[:MERGED_INTO*1..33]->(:Entity)
RETURN [n IN nodes(p)[1..] | n.id] AS ids
ORDER BY length(p) DESC
LIMIT 1
