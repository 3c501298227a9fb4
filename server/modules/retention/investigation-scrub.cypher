// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
MATCH (i:Investigation {id: $id})
SET i.ids = $ids, i.state = $state, i.updatedAt = datetime()
