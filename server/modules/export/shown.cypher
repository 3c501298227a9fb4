// Which of $ids this user was shown since $since: the ids of their consultation entries (the
// access log records what each read returned). The (actorId, at) index finds their entries.
MATCH (e:AccessLogEntry)
WHERE e.actorId = $actorId AND e.at >= datetime($since) AND e.operation = 'consultation'
UNWIND e.ids AS id
WITH DISTINCT id
WHERE id IN $ids
RETURN collect(id) AS shown
