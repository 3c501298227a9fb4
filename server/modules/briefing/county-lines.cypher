// County lines with the people linked to them (children and adults, as counts) and missing episodes
// in [$from, $to) that carried a county-lines concern and involved a linked child.
MATCH (l:CountyLine)
WHERE IN_BOROUGH(l)
OPTIONAL MATCH (l)<-[r:LINKED_TO_LINE]-(p:Person)
  WHERE coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r) AND VISIBLE_NODE(p)
WITH l, collect(DISTINCT CASE WHEN p:YoungPerson AND NOT p:PersonOfConcern THEN p.id END) AS youngIds,
  collect(DISTINCT CASE WHEN p:PersonOfConcern THEN p.id END) AS adultIds
OPTIONAL MATCH (m:MissingEpisode)-[inv:INVOLVED]->(c:YoungPerson)
  WHERE c.id IN youngIds AND m.countyLinesConcern = true
    AND m.occurredAt >= datetime($from) AND m.occurredAt < datetime($to) AND VISIBLE_NODE(m) AND VISIBLE_REL(inv) AND VISIBLE_NODE(c)
RETURN l.id AS id, l.name AS name, l.destination AS destination, size(youngIds) AS youngPeople,
  size(adultIds) AS adults, count(DISTINCT m) AS missingWithConcern
ORDER BY id
