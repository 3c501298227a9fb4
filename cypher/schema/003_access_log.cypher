// The access log's hash chain: one entry per sequence number and a single head node, so two
// writers can never append the same seq or fork the chain.
CREATE CONSTRAINT access_log_seq IF NOT EXISTS FOR (e:AccessLogEntry) REQUIRE e.seq IS UNIQUE;
CREATE CONSTRAINT access_log_head IF NOT EXISTS FOR (h:AccessLogHead) REQUIRE h.id IS UNIQUE;
