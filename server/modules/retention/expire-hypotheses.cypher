// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
// Hypotheses never confirmed by their review date expire (association is not fact).
CALL {
  MATCH ()-[r]->() WHERE r.status = 'hypothesis' AND r.reviewBy < $today
  SET r.status = 'expired', r.expiredAt = $now
  RETURN r.id AS id
  UNION ALL
  MATCH (e:Event) WHERE e.status = 'hypothesis' AND e.reviewBy < $today
  SET e.status = 'expired', e.expiredAt = $now
  RETURN e.id AS id
}
RETURN collect(id) AS ids
