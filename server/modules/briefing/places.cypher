// Every place and school with coordinates: the background of the borough map.
MATCH (c:Context) WHERE (c:Location OR c:School) AND c.lat IS NOT NULL AND c.lon IS NOT NULL AND IN_BOROUGH(c)
RETURN c.id AS id, CASE WHEN c:School THEN 'school' ELSE c.kind END AS kind, c.lat AS lat, c.lon AS lon
ORDER BY id
