// Package charts draws the product's charts — maturity radar, pillar scores,
// department alignment, KPI trend, funnel and scorecard tile — as PNG or SVG
// bytes, for the GUI, the PDF report and export.
//
// Each chart is a pure function from plain input values defined here
// (RadarData, PillarData, AlignmentData, TrendData, FunnelData, TileData) and
// Options (size in pixels, DPI, language, light or dark theme, format, unit
// and currency) to bytes. The package depends on the shared domain types and
// locale formatting, the embedded DejaVu fonts of package assets and
// github.com/wcharczuk/go-chart/v2; every chart is drawn through go-chart's
// Renderer interface (its PNG and SVG back ends) with a small layout layer
// of its own, so that sizes scale with DPI and labels never overlap.
//
// Empty input never fails: it yields a "no data" image of the requested size.
// Output is deterministic: the same input gives the same bytes.
package charts
