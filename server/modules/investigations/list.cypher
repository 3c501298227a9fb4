// Investigations this user owns, or that were shared with their role (and agency, if any).
MATCH (i:Investigation)
WHERE i.owner = $userId OR (i.shared AND i.ownerRole = $role AND coalesce(i.ownerAgency, '') = $agency)
RETURN i {.id, .name, .owner, .ownerName, .shared, .createdAt, .updatedAt, ids: i.ids} AS i
ORDER BY i.updatedAt DESC
LIMIT 200
