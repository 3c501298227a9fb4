// Only the owner may change an investigation.
MATCH (i:Investigation {id: $id}) WHERE i.owner = $userId
SET i.name = $name, i.ids = $ids, i.state = $state, i.notes = $notes, i.shared = $shared, i.updatedAt = datetime()
RETURN i {.*} AS i
