MATCH (i:Investigation {id: $id}) WHERE i.owner = $userId
DELETE i
RETURN count(*) AS deleted
