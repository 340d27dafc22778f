package analysis

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
)

// Snapshot is one organisation's data as a store loads it: everything
// Analyse needs, and nothing it computes.
type Snapshot struct {
	OrgID   int64              `json:"org_id,omitempty"`
	Profile diagnostic.Profile `json:"profile"`
	// Assessments are oldest first: the last one is analysed, the one before
	// it is "previous".
	Assessments []diagnostic.Assessment `json:"assessments"`
	// Objectives are the business objectives the KPI plan serves.
	Objectives []diagnostic.Objective `json:"objectives"`
	// Plan is the KPI plan: owners, cadences and dated targets.
	Plan       []diagnostic.PlanItem  `json:"plan"`
	CustomKPIs []diagnostic.CustomKPI `json:"custom_kpis"`
	// Observations are monthly values of inputs (revenue, leads…) or of KPIs
	// typed directly.
	Observations []diagnostic.Observation `json:"observations"`
	Deals        []diagnostic.Deal        `json:"deals"`
	// DealTable, when set, stands for Deals in the compact form the store
	// loads for analysis (store.LoadAnalysisSnapshot): Deals is then empty
	// and not read. Analyse sets it from Deals otherwise.
	DealTable    *kpi.DealTable           `json:"-"`
	Customers    []diagnostic.Customer    `json:"customers"`
	Transactions []diagnostic.Transaction `json:"transactions"`
	Leads        []diagnostic.Lead        `json:"leads"`
	// AsOf is "today": KPI periods after its month are not computed, and
	// the current target of each plan KPI is the one in force then. Set it
	// explicitly so that results are reproducible; zero means the month of
	// the latest data (or of the latest assessment).
	AsOf time.Time `json:"as_of"`
	// Slippage is the close-date slippage between the last two deals
	// snapshots (usecase.AnalyseOrg fills it from the store); nil with
	// fewer than two.
	Slippage *pipeline.Slippage `json:"slippage,omitempty"`
}

// DealCount is the number of deals, in whichever form they are held.
func (s *Snapshot) DealCount() int {
	if s.DealTable != nil {
		return s.DealTable.Len()
	}
	return len(s.Deals)
}

// Latest returns the assessment that is analysed (the last one), or nil.
func (s *Snapshot) Latest() *diagnostic.Assessment {
	if len(s.Assessments) == 0 {
		return nil
	}
	return &s.Assessments[len(s.Assessments)-1]
}

// Previous returns the assessment before the latest, or nil.
func (s *Snapshot) Previous() *diagnostic.Assessment {
	if len(s.Assessments) < 2 {
		return nil
	}
	return &s.Assessments[len(s.Assessments)-2]
}
