// Saved investigations are addressed by id (deep links, sharing): one node per id.
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (i:Investigation) REQUIRE i.id IS UNIQUE;
