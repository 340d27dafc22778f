package kpi

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the header of the `kpis --csv` output: one line per row,
// numbers in plain machine format (fractions for percentages), empty cells
// for what is not available.
var CSVHeader = []string{"kpi", "period", "value", "unit", "target", "target_by", "benchmark_p25",
	"benchmark_median", "benchmark_p75", "benchmark_source", "benchmark_year", "benchmark_position",
	"status", "trend", "missing", "sample", "window_from", "window_to", "interval_low", "interval_high",
	"confidence", "benchmark_basis"}

// num is a number in plain decimal notation, never scientific (1774200,
// not 1.7742e+06), so a spreadsheet reads it as it is.
func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// Record is the row as CSV cells, in CSVHeader order.
func (r Row) Record() []string {
	rec := []string{r.KPI, r.Period, num(r.Value), string(r.Unit), "", "", "", "", "", "", "", "", string(r.Status), "", strings.Join(r.Missing, ";"),
		num(r.Sample), r.Window.From.String(), r.Window.To.String(), "", "", string(r.Confidence), ""}
	if r.Window.From.IsZero() {
		rec[16], rec[17] = "", ""
	}
	if r.Interval != nil {
		rec[18], rec[19] = num(&r.Interval.Low), num(&r.Interval.High)
	}
	if r.Target != nil {
		rec[4], rec[5] = num(&r.Target.Value), r.Target.By.String()
	}
	if b := r.Benchmark; b != nil {
		rec[6], rec[7], rec[8], rec[9], rec[10], rec[11] = num(b.P25), num(b.Median), num(b.P75), b.Source, b.Year, string(b.Position)
		rec[21] = string(b.Basis)
	}
	if r.Trend != nil {
		rec[13] = r.Trend.Direction
	}
	return rec
}

// WriteCSV writes rows with a header line.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("writing KPI CSV: %w", err)
	}
	for _, r := range rows {
		if err := cw.Write(r.Record()); err != nil {
			return fmt.Errorf("writing KPI CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing KPI CSV: %w", err)
	}
	return nil
}
