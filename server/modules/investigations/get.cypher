MATCH (i:Investigation {id: $id})
WHERE i.owner = $userId OR (i.shared AND i.ownerRole = $role AND coalesce(i.ownerAgency, '') = $agency)
RETURN i {.*} AS i
