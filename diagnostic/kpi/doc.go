// Package kpi is the KPI engine of RevOps Diagnostic: the catalogue of KPIs
// (embedded from assets/content/kpis.json), the formulas that compute each
// KPI per month, quarter or year from monthly observations and raw records
// (deals, customers, transactions, leads), the published benchmarks
// (assets/content/benchmarks.json), the status of each KPI against its target,
// its position against the benchmark, and its trend.
//
// The entry points are LoadCatalogue, Compute and LookupBenchmark. Everything
// is pure Go: no I/O beyond the embedded content, no database, no GUI. The
// rules (status, trend threshold, conversions) are documented in docs/KPIS.md.
package kpi
