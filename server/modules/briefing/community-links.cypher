// The small network picture of one peer community: peer links among its members and the alleged
// exploitation links from adults to them (ids only; the picture carries no names).
UNWIND $ids AS id
MATCH (a:Person {id: id})
OPTIONAL MATCH (a)-[r:ASSOCIATES_WITH]-(b:Person)
  WHERE b.id IN $ids AND a.id < b.id AND coalesce(r.status, 'confirmed') <> 'expired' AND NOT coalesce(r.handling, '') IN $hiddenHandling
WITH a, collect(DISTINCT b.id) AS peers
OPTIONAL MATCH (a)<-[x:EXPLOITS|GROOMS|RECRUITS]-(poc:PersonOfConcern)
  WHERE coalesce(x.status, 'confirmed') <> 'expired' AND NOT coalesce(x.handling, '') IN $hiddenHandling
RETURN a.id AS id, peers, collect(DISTINCT poc.id) AS adults
