package pipeline

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// StageStep is one open stage of the funnel and the step to the next one
// (the last open stage's step is to won).
type StageStep struct {
	Stage string `json:"stage"`
	// Reached counts deals seen in this stage or beyond it (won included):
	// a deal that skipped the stage passed it.
	Reached int `json:"reached"`
	// Resolved leaves out the deals still open in this very stage at the
	// last snapshot: their next step is not known yet.
	Resolved int `json:"resolved"`
	Advanced int `json:"advanced"` // seen beyond this stage
	// Conversion is Advanced ÷ Resolved with its 90 % Wilson interval;
	// Enough is Resolved ≥ 30 (docs/METHOD.md), the floor for a verdict.
	Conversion *float64    `json:"conversion"`
	Interval   *[2]float64 `json:"interval"`
	Confidence string      `json:"confidence"`
	Enough     bool        `json:"enough_data"`
	// MedianDays is the median time in the stage of the deals seen both
	// entering and leaving it (Timed of them), measured between the
	// snapshots that showed it: its resolution is their spacing.
	MedianDays *float64 `json:"median_days"`
	Timed      int      `json:"timed_deals"`
}

// StageFunnel is the stage-by-stage funnel read from consecutive
// snapshots.
type StageFunnel struct {
	Snapshots   int         `json:"snapshots"`
	Deals       int         `json:"deals"`
	Stages      []StageStep `json:"stages"`
	Won         int         `json:"won"`
	Lost        int         `json:"lost"`
	Skips       int         `json:"skips"`       // moves forward past one stage or more
	Regressions int         `json:"regressions"` // moves back to an earlier stage
	// OrderFrom says where the stage order came from: "given" or
	// "observed" (from the moves between stages).
	OrderFrom string `json:"order_from"`
}

// MinResolved is the floor of resolved deals for a verdict on a stage's
// conversion: a proportion, so the 30 of docs/METHOD.md.
const MinResolved = 30

type visit struct {
	stage  string // the CRM's stage; "" for a closed deal
	status diagnostic.DealStatus
	first  time.Time // first snapshot showing it
}

// FunnelByStage reads each deal's path through the open stages from the
// snapshots (oldest first) and gives the conversion between consecutive
// stages, the median time in each, and the skips and regressions. order
// gives the open stages' order; empty, it is inferred from the moves seen
// (a stage deals move from comes before the one they move to).
func FunnelByStage(snaps []Snapshot, order []string) StageFunnel {
	sort.SliceStable(snaps, func(i, j int) bool { return snaps[i].AsOf.Before(snaps[j].AsOf) })
	paths := map[string][]visit{}
	var keys []string
	for _, sn := range snaps {
		mode := sn.MatchKey
		for _, d := range sn.Deals {
			k := diagnostic.MatchKeyOf(d, mode)
			v := visit{status: d.Status, first: sn.AsOf}
			if d.Status == diagnostic.DealOpen {
				v.stage = d.Stage
			}
			p, seen := paths[k]
			if !seen {
				keys = append(keys, k)
			}
			if n := len(p); n > 0 && p[n-1].stage == v.stage && p[n-1].status == v.status {
				continue
			}
			paths[k] = append(p, v)
		}
	}
	f := StageFunnel{Snapshots: len(snaps), Deals: len(keys), OrderFrom: "given"}
	if len(order) == 0 {
		order, f.OrderFrom = inferOrder(paths, keys), "observed"
	}
	idx := map[string]int{}
	for i, s := range order {
		idx[s] = i
	}
	won := len(order) // beyond every open stage
	pos := func(v visit) (int, bool) {
		if v.status == diagnostic.DealWon {
			return won, true
		}
		i, ok := idx[v.stage]
		return i, ok && v.status == diagnostic.DealOpen
	}
	steps := make([]StageStep, len(order))
	days := make([][]float64, len(order))
	for i, s := range order {
		steps[i].Stage = s
	}
	for _, k := range keys {
		p := paths[k]
		maxPos := -1
		prev := -1
		for j, v := range p {
			at, ok := pos(v)
			if !ok {
				if v.status == diagnostic.DealLost && j == len(p)-1 {
					f.Lost++
				}
				continue
			}
			maxPos = max(maxPos, at)
			if prev >= 0 && at < won {
				switch {
				case at > prev+1:
					f.Skips++
				case at < prev:
					f.Regressions++
				}
			}
			// Time in stage: entry seen (not the first snapshot of the
			// deal) and exit seen.
			if at < won && j > 0 && j+1 < len(p) {
				days[at] = append(days[at], p[j+1].first.Sub(v.first).Hours()/24)
			}
			prev = at
		}
		if maxPos < 0 {
			continue
		}
		if maxPos == won {
			f.Won++
		}
		last := p[len(p)-1]
		lastPos, lastOK := pos(last)
		for i := 0; i <= min(maxPos, won-1); i++ {
			steps[i].Reached++
			switch {
			case maxPos > i:
				steps[i].Advanced++
				steps[i].Resolved++
			case lastOK && lastPos == i && last.status == diagnostic.DealOpen:
				// still in this stage: not resolved
			default:
				steps[i].Resolved++
			}
		}
	}
	for i := range steps {
		st := &steps[i]
		n := float64(st.Resolved)
		switch {
		case n >= 2*MinResolved:
			st.Confidence = "high"
		case n >= MinResolved:
			st.Confidence = "medium"
		default:
			st.Confidence = "low"
		}
		st.Enough = n >= MinResolved
		if n > 0 {
			c := float64(st.Advanced) / n
			lo, hi := kpi.Wilson(c, n, kpi.Z90)
			st.Conversion, st.Interval = &c, &[2]float64{lo, hi}
		}
		if len(days[i]) > 0 {
			slices.Sort(days[i])
			m := median(days[i])
			st.MedianDays, st.Timed = &m, len(days[i])
		}
	}
	f.Stages = steps
	return f
}

// inferOrder orders the open stages seen by the moves between them: a
// stage comes before another when more deals moved from it to the other
// than back (a majority of the moves between the two), and the stages are
// then sorted topologically, ties by the CRMs' default stage order
// (defaultStages) and then in the order the stages were first seen; any
// cycle left is broken in first-seen order.
func inferOrder(paths map[string][]visit, keys []string) []string {
	var stages []string
	seen := map[string]bool{}
	votes := map[[2]string]int{}
	for _, k := range keys {
		prev := ""
		for _, v := range paths[k] {
			if v.status != diagnostic.DealOpen {
				prev = ""
				continue
			}
			if !seen[v.stage] {
				seen[v.stage] = true
				stages = append(stages, v.stage)
			}
			if prev != "" && prev != v.stage {
				votes[[2]string{prev, v.stage}]++
			}
			prev = v.stage
		}
	}
	before := func(a, b string) bool { return votes[[2]string{a, b}] > votes[[2]string{b, a}] }
	var order []string
	placed := map[string]bool{}
	for len(order) < len(stages) {
		next := ""
		for _, s := range stages { // of the stages no unplaced stage must precede, the earliest by the CRMs' default order, else first seen
			if placed[s] {
				continue
			}
			free := true
			for _, t := range stages {
				if !placed[t] && t != s && before(t, s) {
					free = false
					break
				}
			}
			if free && (next == "" || defaultRank(s) < defaultRank(next)) {
				next = s
			}
		}
		if next == "" { // a cycle: take the first unplaced stage seen
			for _, s := range stages {
				if !placed[s] {
					next = s
					break
				}
			}
		}
		placed[next] = true
		order = append(order, next)
	}
	return order
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// defaultStages are the open stages of the CRMs' default pipelines in
// order (HubSpot's sales pipeline, Salesforce's opportunity stages,
// Pipedrive's default pipeline), normalised to lower case: the tie-break
// when deals' moves do not order two stages.
var defaultStages = []string{
	"appointment scheduled", "appointmentscheduled", "qualified to buy", "qualifiedtobuy", "presentation scheduled", "presentationscheduled",
	"decision maker bought-in", "decisionmakerboughtin", "contract sent", "contractsent",
	"prospecting", "qualification", "needs analysis", "value proposition", "id. decision makers", "perception analysis",
	"proposal/price quote", "negotiation/review",
	"lead in", "contact made", "demo scheduled", "proposal made", "negotiations started",
}

// defaultRank is a stage's place in defaultStages (len when unknown).
func defaultRank(stage string) int {
	if i := slices.Index(defaultStages, strings.ToLower(strings.TrimSpace(stage))); i >= 0 {
		return i
	}
	return len(defaultStages)
}
