-- 0005: deal_columns holds an organisation's deals a second time, in the
-- compact column form the analysis reads (kpi.DealTable, kpi.EncodeDeal:
-- status, amount, created and closed instants, external id or name), in
-- chunks of up to 65,536 deals written in the same transaction as the
-- deals themselves. Analysing a million deals then reads about 40 MB of
-- chunks instead of a million rows of eleven columns. first_id is the id of
-- the chunk's first deal: chunks in first_id order are the deals in id
-- order. An organisation whose chunk counts do not add up to its deals
-- (a file written before this version, say) is read from the deals table.
CREATE TABLE deal_columns (
  id        INTEGER PRIMARY KEY,
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  first_id  INTEGER NOT NULL,
  n         INTEGER NOT NULL CHECK (n > 0),
  data      BLOB NOT NULL
);
CREATE UNIQUE INDEX deal_columns_org ON deal_columns(org_id, first_id);
CREATE INDEX deal_columns_import ON deal_columns(import_id) WHERE import_id IS NOT NULL;
