package importer

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Options tell Import what the user chose. The zero value detects
// everything and rejects the whole file on any problem.
type Options struct {
	// Kind forces the shape ("" or "auto" detects it).
	Kind Kind
	// Sheet picks the sheet of a workbook (default: the first with data).
	Sheet string
	// Map maps column headers to fields, overriding detection
	// ("Importe neto" → "amount"; "-" ignores a column). For a wide KPI
	// table a field may be any KPI or input id.
	Map map[string]string
	// SkipInvalid imports the valid rows and reports the rejected ones;
	// without it any problem rejects the whole file.
	SkipInvalid bool
	// Stages maps an organisation's own CRM stage names to a status,
	// before the built-in vocabulary.
	Stages map[string]diagnostic.DealStatus
	// Rule says how a metric's daily or weekly values combine into a month;
	// nil uses DefaultRule.
	Rule func(metric string) Rule
	// Source is stored on observations ("import:<id>"); default "import".
	Source diagnostic.Source
	// DateOrder is "dmy" or "mdy", for date columns where no value tells
	// day from month (default "dmy").
	DateOrder string
	// Progress, when set, is called at least every ProgressEvery (default
	// 100 ms) while the import runs, from another goroutine but never twice
	// at once, and a last time with Done set.
	Progress      func(Progress)
	ProgressEvery time.Duration
	// MaxProblems caps the problems kept in the Summary (default 1,000);
	// every problem is still counted and passed to OnProblem.
	MaxProblems int
	// OnProblem, when set, receives every problem as it is found (for an
	// import log).
	OnProblem func(Problem)
	// Now is the clock that bounds plausible dates (see plausibleDate);
	// default time.Now.
	Now func() time.Time
}

// Progress is how far an import has got.
type Progress struct {
	Done      bool  `json:"done"`
	Rows      int64 `json:"rows"`       // data rows read so far
	Read      int64 `json:"read"`       // bytes of a text file, rows of a sheet
	Total     int64 `json:"total"`      // file size, or the sheet's rows (an upper bound)
	Imported  int64 `json:"imported"`   // records passed to the sink
	Problems  int64 `json:"problems"`   // problems found so far
	ElapsedMS int64 `json:"elapsed_ms"` // since the import started
}

// Sink receives the records of an import. The store implements it inside a
// transaction: Import calls it row by row, and when Import returns an
// error the caller must roll the transaction back, so a failed, cancelled
// or rejected import leaves the database unchanged.
type Sink interface {
	Deal(diagnostic.Deal) error
	Customer(diagnostic.Customer) error
	Transaction(diagnostic.Transaction) error
	Lead(diagnostic.Lead) error
	Observation(diagnostic.Observation) error
}
