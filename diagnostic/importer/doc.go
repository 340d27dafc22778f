// Package importer reads what users bring from their CRM or spreadsheets —
// CSV, TSV, TXT and XLSX — and turns it into the shared records of package
// diagnostic: deals, customers, transactions, leads, and monthly KPI
// observations.
//
// Detect (or DetectWith) says what a file holds without importing it: the
// encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252), the
// delimiter judged over many rows with quoting, each column's number and
// date format decided from the whole column, the shape (kpis wide or long,
// deals, customers, transactions, leads), a CRM preset (HubSpot, Salesforce,
// Pipedrive) and the column mapping, from header synonyms in Spanish and
// English kept in assets/content/columns.json.
//
// Import streams the rows through the same detection, checks every row and
// passes the records to a Sink. Any problem (row, column, value, reason)
// makes Import return a *ProblemsError listing them all, and the caller
// must roll back what the sink received: all or nothing. With
// Options.SkipInvalid the valid rows are kept and the rest reported.
// Footer and total rows are skipped and counted; daily or weekly KPI rows
// are combined into months by each metric's Rule. Import reports progress
// at least every 100 ms and stops when its context is cancelled.
//
// Number and date parsing live in the sub-packages numparse and dateparse.
package importer
