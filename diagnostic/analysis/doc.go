// Package analysis is the glue that turns one organisation's data into
// everything a user sees: the scores of the latest assessment and their
// change since the previous one, the KPI rows (monthly over the data range,
// and the latest row of each KPI for scorecards), the input of the
// recommendation engine and its prioritised recommendations.
//
// It is pure Go: no GUI toolkit, no SQL. The store loads a Snapshot, Analyse
// computes an Analysis, and the command line, the GUI and the report
// (report.FromAnalysis) read it. Missing pieces (no assessment yet, no KPI
// data, a single respondent) give a valid partial Analysis, never an error.
//
// DemoSnapshot builds the embedded demo organisation, a Spanish B2B SaaS
// company, deterministically; docs/ANALYSIS.md tells its story.
package analysis
