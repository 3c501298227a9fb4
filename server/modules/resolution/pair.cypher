// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS {id: $id}]->(b:Entity)
RETURN a.id AS a, b.id AS b, a.source AS aSource, b.source AS bSource, r.status AS status, labels(a) AS aLabels, labels(b) AS bLabels
