// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// A rejected pair is kept (so it is never proposed again) and no longer a live hypothesis.
MATCH (:Entity)-[s:POSSIBLY_SAME_AS {id: $id}]->(:Entity)
WHERE s.status = 'hypothesis'
SET s.status = 'expired', s.rejected = true, s.decidedBy = $user, s.decidedAt = datetime()
RETURN s.id AS id
