// The small network picture of one peer community: peer links among its members and the alleged
// exploitation links from adults to them (ids only; the picture carries no names).
UNWIND $ids AS id
MATCH (a:Person {id: id})
WHERE VISIBLE_NODE(a)
OPTIONAL MATCH (a)-[r:ASSOCIATES_WITH]-(b:Person)
  WHERE b.id IN $ids AND a.id < b.id AND coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r) AND VISIBLE_NODE(b)
WITH a, collect(DISTINCT b.id) AS peers
OPTIONAL MATCH (a)<-[x:EXPLOITS|GROOMS|RECRUITS]-(poc:PersonOfConcern)
  WHERE coalesce(x.status, 'confirmed') <> 'expired' AND VISIBLE_REL(x) AND VISIBLE_NODE(poc)
RETURN a.id AS id, peers, collect(DISTINCT poc.id) AS adults
ORDER BY id
