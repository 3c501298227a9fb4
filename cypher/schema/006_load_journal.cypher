// The undo journal of staged loads (server/platform/bulk/load-journal.ts), looked up by load id.
CREATE CONSTRAINT load_journal_id IF NOT EXISTS FOR (j:LoadJournal) REQUIRE j.id IS UNIQUE;
CREATE INDEX load_journal_batch_load IF NOT EXISTS FOR (b:LoadJournalBatch) ON (b.load);
CREATE INDEX load_journal_before_load IF NOT EXISTS FOR (x:LoadJournalBefore) ON (x.__load);
