// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
// Removes the records and every relationship they take part in.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, n.id AS id
OPTIONAL MATCH (n)-[r]-()
WITH n, id, count(r) AS rels
DETACH DELETE n
RETURN count(n) AS nodes, sum(rels) AS rels
