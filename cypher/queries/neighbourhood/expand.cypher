// One hop out of the frontier (explicit, bounded: the service calls it once per hop, at most 3).
// Filters run here; access rules run in the service (denied items are counted, not returned).
UNWIND $frontier AS fid
MATCH (a:Entity {id: fid})-[r]-(b:Entity)
WHERE type(r) IN $relTypes
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
WITH r, b LIMIT $rowCap
RETURN r.id AS rid, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS rp,
       b.id AS bid, labels(b) AS bl, properties(b) AS bp
