// POSSIBLY_SAME_AS links with the given status, best first.
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity)
WHERE r.status = $status
RETURN r.id AS id, a.id AS aId, a.name AS aName, toString(a.dateOfBirth) AS aDob, a.source AS aSource,
       b.id AS bId, b.name AS bName, toString(b.dateOfBirth) AS bDob, b.source AS bSource,
       r.score AS score, r.reasons AS reasons, r.status AS status, toString(r.reviewBy) AS reviewBy
ORDER BY r.score DESC, r.id
LIMIT $limit
