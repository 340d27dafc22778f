-- 0008: a deal's forecast category as the CRM exports it (HubSpot's and
-- Salesforce's "Forecast category": Pipeline, Best case, Commit, Closed,
-- Omitted), kept as written, for forecast accuracy by category
-- (docs/PIPELINE.md). Empty when the export has none, as for every deal
-- imported before this version.

ALTER TABLE deals ADD COLUMN forecast_category TEXT NOT NULL DEFAULT '';
