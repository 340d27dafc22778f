package cli

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// qualitySink passes every record on to the sink it wraps and keeps a copy,
// so that a dry run can state the data quality of the file.
type qualitySink struct {
	next importer.Sink
	in   kpi.Inputs
}

// Deal keeps the deal as a row of a kpi.DealTable (the five columns the
// checks read, about 45 bytes) rather than the whole record: a dry run of
// a million deals held them all, about a gigabyte.
func (q *qualitySink) Deal(d diagnostic.Deal) error {
	if q.in.DealTable == nil {
		q.in.DealTable = &kpi.DealTable{}
	}
	q.in.DealTable.Add(&d)
	return q.next.Deal(d)
}

func (q *qualitySink) Customer(c diagnostic.Customer) error {
	q.in.Customers = append(q.in.Customers, c)
	return q.next.Customer(c)
}

func (q *qualitySink) Transaction(t diagnostic.Transaction) error {
	q.in.Transactions = append(q.in.Transactions, t)
	return q.next.Transaction(t)
}

func (q *qualitySink) Lead(l diagnostic.Lead) error {
	q.in.Leads = append(q.in.Leads, l)
	return q.next.Lead(l)
}

func (q *qualitySink) Observation(o diagnostic.Observation) error {
	q.in.Observations = append(q.in.Observations, o)
	return q.next.Observation(o)
}

// importedQuality is an import's quality summary: the file's records on a
// dry run, else the organisation's records of the kind imported after it;
// with JSON, the summary carries it under "quality".
type importedQuality struct {
	importer.Summary
	Quality *kpi.QualityReport `json:"quality,omitempty"`
	// AsOf is the snapshot date a deals import was kept under.
	AsOf string `json:"as_of,omitempty"`
}

// isRecordKind reports whether an import kind is a kind of record (not a
// KPI table), which the quality summary covers.
func isRecordKind(k importer.Kind) bool {
	switch k {
	case importer.Deals, importer.Customers, importer.Transactions, importer.Leads:
		return true
	}
	return false
}
