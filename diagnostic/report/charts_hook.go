package report

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// ChartKind names a chart the report asks for.
type ChartKind string

// The charts of the report.
const (
	ChartRadar     ChartKind = "radar"     // maturity radar of the pillars
	ChartPillars   ChartKind = "pillars"   // pillar scores as bars, with the previous assessment
	ChartAlignment ChartKind = "alignment" // department values on the flagged questions
	ChartKPITrend  ChartKind = "kpi_trend" // one KPI's monthly history with its target and benchmark
)

// ChartFormat is the image format the report asks charts in.
type ChartFormat string

// The chart formats: SVG (package charts' SVG back end) is drawn into the
// PDF as vector graphics; PNG is for documents that take only images (the
// DOCX report).
const (
	ChartSVG ChartFormat = "svg"
	ChartPNG ChartFormat = "png"
)

// ChartRequest is everything needed to draw one chart of the report, in
// the report's language, at the suggested pixel size (see docs/REPORT.md,
// "Chart sizes").
type ChartRequest struct {
	Kind          ChartKind
	Lang          locale.Lang
	Width, Height int         // suggested size in pixels
	Format        ChartFormat // SVG (drawn as vector graphics in the PDF) or PNG

	// Radar and pillars: the pillars, with Previous when there is an
	// earlier assessment.
	Pillars []Pillar
	// Alignment: the departments that answered and the flagged questions.
	Departments []diagnostic.Department
	Alignment   []AlignmentItem
	// KPI trend: the scorecard row (name, unit, target, benchmark) and its
	// monthly history, oldest first.
	KPI      *KPIRow
	Series   []SeriesPoint
	Currency string
}

// SeriesPoint is one month of a KPI's history: its value (nil when not
// available) and the target in force then (nil when none).
type SeriesPoint struct {
	Month  diagnostic.Month
	Value  *float64
	Target *float64
}

// ChartFunc draws a chart as PNG bytes. FromAnalysis calls it for each
// chart when Meta.Charts is set; the charts package plugs in here. A nil
// image with a nil error leaves that chart out.
type ChartFunc func(ChartRequest) ([]byte, error)
