-- 0002: the CHECK constraints of the three tables a large import writes
-- (observations, deals, leads) compare with OR instead of IN.
--
-- SQLite compiles a CHECK with "x IN (three or more constants)" into an
-- ephemeral table that is built and probed again for every inserted row; in
-- the pure-Go SQLite that cost about a fifth of the time of a large deals
-- import. "x = 'a' OR x = 'b' OR x = 'c'" accepts exactly the same values
-- with three comparisons. A CHECK cannot be altered in place, so each table
-- is rebuilt (the procedure of https://sqlite.org/lang_altertable.html,
-- section 7): new table, copy, drop, rename, indexes again. Nothing refers
-- to these tables, so no foreign key needs care.

CREATE TABLE observations_v2 (
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  metric    TEXT NOT NULL,
  period    TEXT NOT NULL,
  value     REAL NOT NULL,
  source    TEXT NOT NULL CHECK (source = 'manual' OR source = 'derived' OR source = 'import'),
  import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, metric, period)
) WITHOUT ROWID;
INSERT INTO observations_v2(org_id, metric, period, value, source, import_id)
  SELECT org_id, metric, period, value, source, import_id FROM observations;
DROP TABLE observations;
ALTER TABLE observations_v2 RENAME TO observations;
CREATE INDEX observations_import ON observations(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE deals_v2 (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL DEFAULT '',
  name        TEXT NOT NULL DEFAULT '',
  stage       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status = 'open' OR status = 'won' OR status = 'lost'),
  amount      REAL NOT NULL,
  currency    TEXT NOT NULL DEFAULT '',
  created     TEXT,
  closed      TEXT,
  owner       TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  pipeline    TEXT NOT NULL DEFAULT ''
);
INSERT INTO deals_v2(id, org_id, import_id, external_id, name, stage, status, amount, currency, created, closed, owner, source, pipeline)
  SELECT id, org_id, import_id, external_id, name, stage, status, amount, currency, created, closed, owner, source, pipeline FROM deals;
DROP TABLE deals;
ALTER TABLE deals_v2 RENAME TO deals;
CREATE INDEX deals_org ON deals(org_id);
CREATE INDEX deals_import ON deals(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE leads_v2 (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL DEFAULT '',
  created     TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  stage       TEXT NOT NULL CHECK (stage = 'lead' OR stage = 'mql' OR stage = 'sql' OR stage = 'customer')
);
INSERT INTO leads_v2(id, org_id, import_id, external_id, created, source, stage)
  SELECT id, org_id, import_id, external_id, created, source, stage FROM leads;
DROP TABLE leads;
ALTER TABLE leads_v2 RENAME TO leads;
CREATE INDEX leads_org_created ON leads(org_id, created);
CREATE INDEX leads_import ON leads(import_id) WHERE import_id IS NOT NULL;
