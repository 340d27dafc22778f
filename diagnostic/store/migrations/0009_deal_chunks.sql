-- 0009: an organisation's deals are stored in chunks only. Each row of
-- deal_chunks holds up to 65,536 deals of one import (or of one saved
-- snapshot of records) twice: in the compact form the analysis reads
-- (cols: kpi.EncodeDeal, as deal_columns held them since 0005) and with
-- every field (records: store/dealrec.go). text is how many bytes of ids
-- (or names) cols holds, so that reading reserves exactly the memory it
-- needs. The small columns come first and records last: SQLite reaches a
-- column by walking the overflow pages of those before it, so counting
-- reads no blob and the analysis reads cols without records. A deal's id is its chunk's
-- first_id plus its place in the chunk, so chunks in first_id order are
-- the deals in the order they were stored. A million deals were a million
-- rows of fourteen columns and two indexes, which the pure-Go SQLite
-- inserted at a third of the speed of the sqlite3 shell (docs/
-- BENCHMARKS-scale.md); they are now sixteen rows.
--
-- The Go step of this migration (afterMigration) copies the deals of the
-- deals table into chunks and then drops the tables deals and
-- deal_columns.
CREATE TABLE deal_chunks (
  id        INTEGER PRIMARY KEY,
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  first_id  INTEGER NOT NULL CHECK (first_id > 0),
  n         INTEGER NOT NULL CHECK (n > 0 AND n <= 65536),
  text      INTEGER NOT NULL CHECK (text >= 0),
  cols      BLOB NOT NULL,
  records   BLOB NOT NULL
);
CREATE UNIQUE INDEX deal_chunks_org ON deal_chunks(org_id, first_id);
CREATE INDEX deal_chunks_import ON deal_chunks(import_id) WHERE import_id IS NOT NULL;
