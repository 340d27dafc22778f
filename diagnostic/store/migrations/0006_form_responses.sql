-- 0006: response tracking of questionnaire forms (command form and
-- import-answers): who was invited (a form made for them, with its id), who
-- answered, when, and as which respondent of which assessment.

CREATE TABLE form_responses (
  org_id        INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  form_id       TEXT NOT NULL,
  name          TEXT NOT NULL DEFAULT '',
  department    TEXT NOT NULL DEFAULT '',
  format        TEXT NOT NULL DEFAULT '',
  language      TEXT NOT NULL DEFAULT '',
  invited       TEXT,  -- when the form was made; NULL: answers that came without a form made here
  answered      TEXT,  -- when its answers were imported; NULL while pending
  assessment_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
  respondent_id INTEGER REFERENCES respondents(id) ON DELETE SET NULL,
  PRIMARY KEY (org_id, form_id)
) WITHOUT ROWID;
CREATE INDEX form_responses_respondent ON form_responses(respondent_id);

-- An anonymous assessment keeps respondents' names for response tracking
-- only: results, exports and the report never show them.
ALTER TABLE assessments ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous = 0 OR anonymous = 1);
