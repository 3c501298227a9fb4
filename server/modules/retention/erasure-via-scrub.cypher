// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
// Links that merges moved from an erased record to a record that stays list the records they were
// moved away from (mergedStartVia / mergedEndVia): the erased ids leave those lists, and the links
// stay with the record kept. Run before the records go (it follows their MERGED_INTO links).
MATCH (d:Entity) WHERE d.id IN $ids
MATCH (d)-[:MERGED_INTO*1..32]->(t:Entity) WHERE NOT t.id IN $ids
WITH DISTINCT t
MATCH (t)-[r]-()
WHERE any(x IN coalesce(r.mergedStartVia, []) + coalesce(r.mergedEndVia, []) WHERE x IN $ids)
WITH DISTINCT r, [x IN coalesce(r.mergedStartVia, []) WHERE NOT x IN $ids] AS sv, [x IN coalesce(r.mergedEndVia, []) WHERE NOT x IN $ids] AS ev
SET r.mergedStartVia = CASE WHEN size(sv) = 0 THEN null ELSE sv END,
    r.mergedEndVia = CASE WHEN size(ev) = 0 THEN null ELSE ev END
RETURN count(r) AS n
