// Access-log entries, newest first, filtered; $before pages by sequence number. The ids only
// when asked for ($withIds): an import's entry holds hundreds of thousands.
MATCH (e:AccessLogEntry)
WHERE ($before IS NULL OR e.seq < $before)
  AND ($from IS NULL OR e.at >= datetime($from))
  AND ($to IS NULL OR e.at <= datetime($to))
  AND ($actorId IS NULL OR e.actorId = $actorId)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($recordId IS NULL OR $recordId IN e.ids)
RETURN e {.seq, .actorId, .actorName, .actorRole, .actorAgency, .operation, .justification, ids: CASE WHEN $withIds THEN e.ids END, idCount: size(e.ids), .detail, .requestId, .hash, .prevHash, at: e.atText} AS e
ORDER BY e.seq DESC
LIMIT $limit
