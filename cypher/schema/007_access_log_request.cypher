// A request's own entries, found without reading the whole log: a write retried after its commit
// went unanswered looks for the entry it wrote (server/modules/accesslog/own-entries.ts).
CREATE INDEX access_log_request IF NOT EXISTS FOR (e:AccessLogEntry) ON (e.requestId);
