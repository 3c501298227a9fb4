// Access-log entries, newest first, filtered; $before pages by sequence number. $recordId: the
// entries whose ids hold it or whose detail names it ($recordIdJson, the id as JSON text: an id
// asked for and not shown, a search for it). The ids only when asked for ($withIds): an import's
// entry holds hundreds of thousands. The seq range and ORDER BY ... LIMIT before the RETURN let
// Neo4j walk the seq index newest first and stop at the page: read out first, every entry was
// read for each page (8.5 s at 1.7 million entries).
MATCH (e:AccessLogEntry)
WHERE e.seq < coalesce($before, 9223372036854775807)
  AND ($from IS NULL OR e.at >= datetime($from))
  AND ($to IS NULL OR e.at <= datetime($to))
  AND ($actorId IS NULL OR e.actorId = $actorId)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($recordId IS NULL OR $recordId IN e.ids OR e.detail CONTAINS $recordIdJson)
WITH e ORDER BY e.seq DESC LIMIT $limit
RETURN e {.seq, .actorId, .actorName, .actorRole, .actorAgency, .operation, .justification, ids: CASE WHEN $withIds THEN e.ids END, idCount: size(e.ids), .detail, .requestId, .hash, .prevHash, at: e.atText} AS e
