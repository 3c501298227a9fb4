// One hop out of the frontier (explicit, bounded: the service calls it once per hop, at most 3).
// Filters and the visibility gate run here: records the viewer may not see are never returned,
// and take no place under the row cap. Rows come in id order, so the row cap and the service's
// node limit keep the same records whatever else the store holds (storage order changes when
// records the viewer cannot see are added, merged or erased).
// First branch: the nodes of $seeds themselves (the first hop passes the requested ids; later
// hops pass []), so a one-hop neighbourhood is one round trip. Rows of this branch have type null.
// Few columns: ids are in the property maps, `out` says whether r starts at the frontier node.
// Properties come back as maps with the model's date and datetime properties as ISO text (the
// driver's temporal decoding was the API process's largest cost); the service drops the nulls
// those projections add for absent keys. Keep the key lists equal to the model's date/datetime
// properties (checked by neighbourhood.cypher.test.ts).
// With $withHiddenLinks (roles that may know: platform/existence.ts), a seed row also says whether
// the seed has a direct link the viewer may not see (a hidden relationship, or a visible one to a
// hidden record; a merged duplicate is the same person), as hidden-links.cypher does: one bit
// over every relationship type and date, so no filter can break it down. Asked here rather than
// in a query of its own, it costs no second round trip.
UNWIND $seeds AS sid
MATCH (b:Entity {id: sid})
WHERE VISIBLE_NODE(b)
RETURN null AS aid, null AS type, null AS out, null AS rp, labels(b) AS bl,
       b {.*, dateOfBirth: toString(b.dateOfBirth), ageOn: toString(b.ageOn), assessedAt: toString(b.assessedAt), recordedAt: toString(b.recordedAt),
          validFrom: toString(b.validFrom), validTo: toString(b.validTo), reviewBy: toString(b.reviewBy),
          occurredAt: toString(b.occurredAt), returnedAt: toString(b.returnedAt), offeredAt: toString(b.offeredAt),
          planReviewBy: toString(b.planReviewBy), startedOn: toString(b.startedOn), endedOn: toString(b.endedOn)} AS bp,
       CASE WHEN $withHiddenLinks THEN EXISTS {
         MATCH (b)-[h]-(x:Entity)
         WHERE type(h) <> 'MERGED_INTO' AND NOT (VISIBLE_REL(h) AND VISIBLE_NODE(x))
       } ELSE false END AS hidden
UNION ALL
UNWIND $frontier AS fid
MATCH (a:Entity {id: fid})-[r]-(b:Entity)
WHERE type(r) IN $relTypes AND VISIBLE_NODE(a) AND VISIBLE_REL(r) AND VISIBLE_NODE(b)
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
RETURN fid AS aid, type(r) AS type, startNode(r) = a AS out,
       r {.*, recordedAt: toString(r.recordedAt), validFrom: toString(r.validFrom), validTo: toString(r.validTo),
          reviewBy: toString(r.reviewBy)} AS rp,
       labels(b) AS bl,
       b {.*, dateOfBirth: toString(b.dateOfBirth), ageOn: toString(b.ageOn), assessedAt: toString(b.assessedAt), recordedAt: toString(b.recordedAt),
          validFrom: toString(b.validFrom), validTo: toString(b.validTo), reviewBy: toString(b.reviewBy),
          occurredAt: toString(b.occurredAt), returnedAt: toString(b.returnedAt), offeredAt: toString(b.offeredAt),
          planReviewBy: toString(b.planReviewBy), startedOn: toString(b.startedOn), endedOn: toString(b.endedOn)} AS bp,
       null AS hidden
