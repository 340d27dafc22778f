-- 0004: dated snapshots of the pipeline. Each deals export is kept as a
-- snapshot of the pipeline on its date (imports.as_of, YYYY-MM-DD); deals
-- are matched across snapshots by imports.match_key: 'record_id' (the CRM's
-- record id) or 'name_created' (deal name, creation day and pipeline, when
-- the export has no id column). An open deal's expected close date is kept
-- in deals.expected_close (an instant like the other dates), for pipeline
-- movement (pushed, pulled in) and slippage.
--
-- Deals imports made before this version become snapshots dated the day
-- they were imported, matched by record id when their deals have one.

ALTER TABLE imports ADD COLUMN as_of TEXT;
ALTER TABLE imports ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
ALTER TABLE deals ADD COLUMN expected_close TEXT;

UPDATE imports SET as_of = substr(at, 1, 10),
  match_key = CASE WHEN EXISTS (SELECT 1 FROM deals d WHERE d.import_id = imports.id AND d.external_id NOT LIKE 'row-%')
    THEN 'record_id' ELSE 'name_created' END
  WHERE kind = 'deals';

CREATE INDEX imports_as_of ON imports(org_id, as_of) WHERE as_of IS NOT NULL;
