// Package chartset maps an analysis (diagnostic/analysis) to the inputs of
// the charts package. It is the one place that decides what each chart
// shows: the `chart` command, the PDF report (through ForReport, plugged
// into report.FromAnalysis) and the GUI all draw from these functions.
//
// Charts live outside the domain: this package sits under
// diagnostic/report, which may import charts; the domain packages may not.
package chartset
