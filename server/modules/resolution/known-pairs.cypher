// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// Pairs already proposed (whatever their status): never proposed twice.
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity)
RETURN a.id AS a, b.id AS b
