MATCH (i:Investigation {id: $id})
SET i.ids = $ids, i.state = $state, i.updatedAt = datetime()
