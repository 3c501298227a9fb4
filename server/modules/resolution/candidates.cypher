// visibility: exempt, resolution roles review every candidate pair; what identifies a person passes the gate
// POSSIBLY_SAME_AS links with the given status, best first. Resolution reviews pairs whoever may
// see the people: names, dates of birth and the match reasons (which can quote aliases) come only
// with people the viewer may see; otherwise ids and the score alone.
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity)
WHERE r.status = $status
WITH r, a, b, VISIBLE_NODE(a) AS aSeen, VISIBLE_NODE(b) AS bSeen
RETURN r.id AS id, a.id AS aId, CASE WHEN aSeen THEN a.name END AS aName, CASE WHEN aSeen THEN toString(a.dateOfBirth) END AS aDob, a.source AS aSource,
       b.id AS bId, CASE WHEN bSeen THEN b.name END AS bName, CASE WHEN bSeen THEN toString(b.dateOfBirth) END AS bDob, b.source AS bSource,
       r.score AS score, CASE WHEN aSeen AND bSeen THEN r.reasons ELSE [] END AS reasons, r.status AS status, toString(r.reviewBy) AS reviewBy
ORDER BY r.score DESC, r.id
LIMIT $limit
