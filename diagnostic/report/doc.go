// Package report renders an assessment as a bilingual PDF report a
// consultant can hand to a client unedited, and exports the underlying data
// as CSV (one file per table) or as one JSON document.
//
// The package works on its own plain view model, Data for the PDF and Export
// for the data exports. Both hold values already computed by the domain
// packages (scores, KPI values, statuses, recommendations) and chart images
// already rendered as PNG bytes; the report only lays them out and formats
// numbers, money and dates in the report's language with diagnostic/locale.
// All fixed report text (titles, labels, method) comes from the embedded
// content file assets/content/report.json, in Spanish and English.
//
// The PDF is laid out with github.com/johnfercher/maroto/v2 (rows and
// columns, automatic page breaks, header and footer, "X of Y" page numbers)
// using the embedded DejaVu Sans fonts.
package report
