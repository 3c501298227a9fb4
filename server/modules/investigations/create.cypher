CREATE (i:Investigation {id: $id, name: $name, ids: $ids, state: $state, notes: $notes, shared: $shared,
  owner: $userId, ownerName: $userName, ownerRole: $role, ownerAgency: $agencyOrNull,
  createdAt: datetime(), updatedAt: datetime()})
RETURN i {.*} AS i
