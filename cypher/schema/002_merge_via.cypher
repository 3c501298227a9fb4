// Merges made before merges could be undone in any order marked each moved relationship with
// `mergedFrom` (the record it was moved away from). That becomes the list of the end that moved:
// mergedStartVia when the start is the record that one was merged into, mergedEndVia otherwise.
// Harmless to run again: no relationship keeps a mergedFrom.
MATCH (s)-[r]->()
WHERE r.mergedFrom IS NOT NULL
WITH r, r.mergedFrom AS from, EXISTS { (:MergedRecord {id: r.mergedFrom})-[:MERGED_INTO]->(s) } AS startMoved
SET r.mergedStartVia = CASE WHEN startMoved THEN coalesce(r.mergedStartVia, []) + from ELSE r.mergedStartVia END,
    r.mergedEndVia = CASE WHEN startMoved THEN r.mergedEndVia ELSE coalesce(r.mergedEndVia, []) + from END
REMOVE r.mergedFrom;
