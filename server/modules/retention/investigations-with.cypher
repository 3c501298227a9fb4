// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
// Saved investigations that mention any of the ids (in their id list or their saved state).
MATCH (i:Investigation)
WHERE any(id IN i.ids WHERE id IN $ids) OR any(id IN $ids WHERE i.state CONTAINS id)
RETURN i.id AS id, i.ids AS ids, i.state AS state
