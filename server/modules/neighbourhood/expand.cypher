// One hop out of the frontier (explicit, bounded: the service calls it once per hop, at most 3).
// Filters and the visibility gate run here: records the viewer may not see are never returned,
// and take no place under the row cap. Rows are cut in id order, so the row cap and the service's
// node limit keep the same records whatever else the store holds (storage order changes when
// records the viewer cannot see are added, merged or erased).
// First branch: the nodes of $seeds themselves (the first hop passes the requested ids; later
// hops pass []), so a one-hop neighbourhood is one round trip. Its records have links null.
// Second branch: one record per record reached (bid, in id order), with its links from the
// frontier ([frontier id, type, whether the link starts at the frontier record], and their
// properties in linkProperties). What the service already holds or would drop is not sent:
//  - links back to $expanded (records expanded at earlier hops) came with those records' hop;
//  - a link between two frontier records comes once, from the one with the smaller id;
//  - a record in $known comes with its links only (bl and bp null);
//  - the node limit: after $room new records (in id order), a new record comes as its id alone
//    (bl and bp null, no links), so that the service can count it.
// NODE_PROPERTIES and REL_PROPERTIES are map projections with the model's dates as ISO text
// (projection.ts); the service drops the nulls they hold for absent dates.
// With $withHiddenLinks (roles that may know: platform/existence.ts), a seed row also says whether
// the seed has a direct link the viewer may not see (a hidden relationship, or a visible one to a
// hidden record; a merged duplicate is the same person), as hidden-links.cypher does: one bit
// over every relationship type and date, so no filter can break it down. Asked here rather than
// in a query of its own, it costs no second round trip.
UNWIND $seeds AS sid
MATCH (b:Entity {id: sid})
WHERE VISIBLE_NODE(b)
RETURN b.id AS bid, labels(b) AS bl, NODE_PROPERTIES(b) AS bp, null AS links, null AS linkProperties, 0 AS rows,
       CASE WHEN $withHiddenLinks THEN EXISTS {
         MATCH (b)-[h]-(x:Entity)
         WHERE type(h) <> 'MERGED_INTO' AND NOT (VISIBLE_REL(h) AND VISIBLE_NODE(x))
       } ELSE false END AS hidden
UNION ALL
UNWIND $frontier AS fid
MATCH (a:Entity {id: fid})-[r]-(b:Entity)
WHERE type(r) IN $relTypes AND VISIBLE_NODE(a) AND VISIBLE_REL(r) AND VISIBLE_NODE(b)
  AND NOT b.id IN $expanded AND NOT (b.id < fid AND b.id IN $frontier)
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($from IS NULL OR r.validTo IS NULL OR r.validTo >= datetime($from))
  AND ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= datetime($to))
  AND ($minSourceEval IS NULL OR (r.sourceEval <= $minSourceEval AND r.assessment <= $minAssessment))
  AND (NOT b:Event OR (
        ($from IS NULL OR b.occurredAt >= datetime($from))
    AND ($to IS NULL OR b.occurredAt <= datetime($to))
    AND ($statuses IS NULL OR b.status IN $statuses)
    AND ($minSourceEval IS NULL OR (b.sourceEval <= $minSourceEval AND b.assessment <= $minAssessment))))
  AND ($contextTypes IS NULL OR NOT b:Context OR any(l IN labels(b) WHERE l IN $contextTypes))
WITH fid, a, r, b ORDER BY b.id, r.id LIMIT $rowCap
WITH b, collect(fid) AS froms, collect(r) AS rels, collect(startNode(r) = a) AS outs
ORDER BY b.id
WITH collect({b: b, known: b.id IN $known, froms: froms, rels: rels, outs: outs}) AS reached
WITH reached, [x IN reached WHERE NOT x.known][$room].b.id AS firstOver
UNWIND reached AS x
WITH x, x.b AS b, firstOver IS NOT NULL AND NOT x.known AND x.b.id >= firstOver AS over
RETURN b.id AS bid,
       CASE WHEN x.known OR over THEN null ELSE labels(b) END AS bl,
       CASE WHEN x.known OR over THEN null ELSE NODE_PROPERTIES(b) END AS bp,
       CASE WHEN over THEN [] ELSE [i IN range(0, size(x.rels) - 1) | [x.froms[i], type(x.rels[i]), x.outs[i]]] END AS links,
       CASE WHEN over THEN [] ELSE [rel IN x.rels | REL_PROPERTIES(rel)] END AS linkProperties,
       size(x.rels) AS rows, null AS hidden
