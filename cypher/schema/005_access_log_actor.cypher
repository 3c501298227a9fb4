// A user's own recent entries, found without reading the whole log: what the user was shown,
// which an export may hold (server/modules/export/).
CREATE INDEX access_log_actor_at IF NOT EXISTS FOR (e:AccessLogEntry) ON (e.actorId, e.at);
