-- 0001: the first schema of RevOps Diagnostic.
-- Conventions: instants are TEXT "2006-01-02T15:04:05.000000000Z" (UTC, fixed
-- width, so they sort and compare as text); months are TEXT "YYYY-MM"; days
-- are TEXT "YYYY-MM-DD"; a missing date is NULL. Everything an organisation
-- owns is deleted with it (ON DELETE CASCADE).

-- meta describes the file itself: kind "database" or "engagement", and for an
-- engagement file when and by which version it was exported.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- settings of the installation (consultant name, logo, default language);
-- never part of an engagement file.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE orgs (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL COLLATE NOCASE UNIQUE,
  industry       TEXT NOT NULL DEFAULT '',
  business_model TEXT NOT NULL DEFAULT '',
  segment        TEXT NOT NULL DEFAULT '',
  employees_band TEXT NOT NULL DEFAULT '',
  currency       TEXT NOT NULL,
  language       TEXT NOT NULL,
  created        TEXT NOT NULL,
  updated        TEXT NOT NULL
);

CREATE TABLE assessments (
  id                    INTEGER PRIMARY KEY,
  org_id                INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  date                  TEXT NOT NULL,
  language              TEXT NOT NULL,
  questionnaire_version TEXT NOT NULL DEFAULT '',
  status                TEXT NOT NULL CHECK (status IN ('in_progress', 'complete')),
  symptom               TEXT NOT NULL DEFAULT '',
  objective             TEXT NOT NULL DEFAULT '',
  score                 REAL,           -- overall 0-100 once scored, else NULL
  scored_at             TEXT,
  created               TEXT NOT NULL,
  updated               TEXT NOT NULL
);
CREATE INDEX assessments_org_date ON assessments(org_id, date);

-- kpi_coverage is the KPI checklist of an assessment's context.
CREATE TABLE kpi_coverage (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  kpi           TEXT NOT NULL,
  measured      INTEGER NOT NULL CHECK (measured IN (0, 1)),
  owner         TEXT NOT NULL DEFAULT '',
  cadence       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, kpi)
) WITHOUT ROWID;

CREATE TABLE respondents (
  id            INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  department    TEXT NOT NULL
);
CREATE INDEX respondents_assessment ON respondents(assessment_id);

-- answers: value 1-5, or 0 for "not applicable / don't know"; a question with
-- no row is unanswered.
CREATE TABLE answers (
  respondent_id INTEGER NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
  question      TEXT NOT NULL,
  value         INTEGER NOT NULL CHECK (value BETWEEN 0 AND 5),
  note          TEXT NOT NULL DEFAULT '',
  at            TEXT NOT NULL,
  PRIMARY KEY (respondent_id, question)
) WITHOUT ROWID;

CREATE TABLE objectives (
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  objective TEXT NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (org_id, objective)
) WITHOUT ROWID;

CREATE TABLE plan_items (
  org_id   INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  kpi      TEXT NOT NULL,
  owner    TEXT NOT NULL DEFAULT '',
  cadence  TEXT NOT NULL DEFAULT '',
  retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  position INTEGER NOT NULL,
  PRIMARY KEY (org_id, kpi)
) WITHOUT ROWID;

-- targets: the dated list of a plan item's targets, in the order they were set.
CREATE TABLE targets (
  id     INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  kpi    TEXT NOT NULL,
  value  REAL NOT NULL,
  by_month TEXT NOT NULL,
  set_on TEXT NOT NULL,
  FOREIGN KEY (org_id, kpi) REFERENCES plan_items(org_id, kpi) ON DELETE CASCADE
);
CREATE INDEX targets_item ON targets(org_id, kpi, set_on);

CREATE TABLE custom_kpis (
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id        TEXT NOT NULL,
  name_es   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  unit      TEXT NOT NULL,
  direction TEXT NOT NULL,
  cadence   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;

-- imports: one row per imported file. Deleting it deletes every row it brought.
CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  mapping       TEXT NOT NULL DEFAULT '{}',   -- JSON object
  rows_accepted INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  at            TEXT NOT NULL,
  UNIQUE (org_id, sha256)
);

-- observations: one value per organisation, KPI or input id and month. The
-- primary key serves the KPI engine's query (org, metric, month range).
CREATE TABLE observations (
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  metric    TEXT NOT NULL,
  period    TEXT NOT NULL,
  value     REAL NOT NULL,
  source    TEXT NOT NULL CHECK (source IN ('manual', 'derived', 'import')),
  import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, metric, period)
) WITHOUT ROWID;
CREATE INDEX observations_import ON observations(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE deals (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL DEFAULT '',
  name        TEXT NOT NULL DEFAULT '',
  stage       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  amount      REAL NOT NULL,
  currency    TEXT NOT NULL DEFAULT '',
  created     TEXT,
  closed      TEXT,
  owner       TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  pipeline    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX deals_org_closed ON deals(org_id, closed);
CREATE INDEX deals_org_created ON deals(org_id, created);
CREATE INDEX deals_import ON deals(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE customers (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL DEFAULT '',
  start_on    TEXT,
  end_on      TEXT,
  churned     INTEGER NOT NULL DEFAULT 0 CHECK (churned IN (0, 1)),
  mrr         REAL NOT NULL,
  plan        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customers_org_start ON customers(org_id, start_on);
CREATE INDEX customers_import ON customers(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE transactions (
  id        INTEGER PRIMARY KEY,
  org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  order_id  TEXT NOT NULL DEFAULT '',
  date      TEXT NOT NULL,
  amount    REAL NOT NULL,
  profit    REAL,
  customer  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX transactions_org_date ON transactions(org_id, date);
CREATE INDEX transactions_import ON transactions(import_id) WHERE import_id IS NOT NULL;

CREATE TABLE leads (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL DEFAULT '',
  created     TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  stage       TEXT NOT NULL CHECK (stage IN ('lead', 'mql', 'sql', 'customer'))
);
CREATE INDEX leads_org_created ON leads(org_id, created);
CREATE INDEX leads_import ON leads(import_id) WHERE import_id IS NOT NULL;

-- column_mappings: the mapping a user confirmed for a file layout, offered
-- again when a file with the same headers is imported for the organisation.
CREATE TABLE column_mappings (
  org_id  INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  kind    TEXT NOT NULL,
  layout  TEXT NOT NULL,                -- LayoutKey of the header row
  headers TEXT NOT NULL DEFAULT '[]',   -- JSON array, for display
  mapping TEXT NOT NULL,                -- JSON object
  updated TEXT NOT NULL,
  PRIMARY KEY (org_id, kind, layout)
) WITHOUT ROWID;

-- recommendations: what the consultant decided about each recommendation
-- rule's output for an organisation.
CREATE TABLE recommendations (
  org_id   INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  rule_id  TEXT NOT NULL,
  status   TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed', 'done')),
  note     TEXT NOT NULL DEFAULT '',
  owner    TEXT NOT NULL DEFAULT '',
  due      TEXT,
  position INTEGER NOT NULL,
  updated  TEXT NOT NULL,
  PRIMARY KEY (org_id, rule_id)
) WITHOUT ROWID;
