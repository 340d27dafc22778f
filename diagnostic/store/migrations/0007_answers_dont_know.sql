-- 0007: an answer may be "don't know" (diagnostic.DontKnow = -2), apart from
-- "not applicable" (0). Answers stored before keep 0 for both: they were
-- given when the form merged the two.
--
-- A CHECK cannot be altered in place, so the table is rebuilt (the
-- procedure of https://sqlite.org/lang_altertable.html, section 7): new
-- table, copy, drop, rename. Nothing refers to answers, so no foreign key
-- needs care; the table has no index beyond its primary key.

CREATE TABLE answers_v2 (
  respondent_id INTEGER NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
  question      TEXT NOT NULL,
  value         INTEGER NOT NULL CHECK (value BETWEEN 0 AND 5 OR value = -2),
  note          TEXT NOT NULL DEFAULT '',
  at            TEXT NOT NULL,
  PRIMARY KEY (respondent_id, question)
) WITHOUT ROWID;
INSERT INTO answers_v2(respondent_id, question, value, note, at)
  SELECT respondent_id, question, value, note, at FROM answers;
DROP TABLE answers;
ALTER TABLE answers_v2 RENAME TO answers;
