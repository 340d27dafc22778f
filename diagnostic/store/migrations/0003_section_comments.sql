-- 0003: the consultant's free-text commentary on each section of the
-- report (summary, maturity, alignment, kpis, recommendations, appendix).

CREATE TABLE section_comments (
  org_id  INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  section TEXT NOT NULL,
  text    TEXT NOT NULL,
  updated TEXT NOT NULL,
  PRIMARY KEY (org_id, section)
) WITHOUT ROWID;
