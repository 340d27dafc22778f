package pipeline

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// Snapshot is the pipeline as one export showed it on AsOf.
type Snapshot struct {
	AsOf     time.Time
	MatchKey string // diagnostic.MatchRecordID or MatchNameCreated
	Deals    []diagnostic.Deal
}

// Movement is one kind of change: how many deals and their amount.
type Movement struct {
	Count  int     `json:"count"`
	Amount float64 `json:"amount"`
}

// Category names a movement.
type Category string

// The movements between two snapshots. New, Won, Lost, Removed and the
// amount changes (Increased, Decreased) reconcile the open pipeline:
// start + new + increased − decreased − won − lost − removed = end.
// Pushed, PulledIn and Unchanged describe the deals open at both ends.
const (
	New       Category = "new"
	Won       Category = "won"
	Lost      Category = "lost"
	Pushed    Category = "pushed"
	PulledIn  Category = "pulled_in"
	Increased Category = "increased"
	Decreased Category = "decreased"
	Removed   Category = "removed"
	Unchanged Category = "unchanged"
)

// Categories lists every category in the order of the JSON and the tables.
func Categories() []Category {
	return []Category{New, Won, Lost, Pushed, PulledIn, Increased, Decreased, Removed, Unchanged}
}

// DealChange is one deal behind a movement: its amounts and expected close
// dates at both ends (zero where the deal is absent or closed), and the
// movement's amount for it.
type DealChange struct {
	ID          string    `json:"id"`
	Name        string    `json:"name,omitempty"`
	Stage       string    `json:"stage,omitempty"`
	Owner       string    `json:"owner,omitempty"`
	FromAmount  float64   `json:"from_amount"`
	ToAmount    float64   `json:"to_amount"`
	FromClose   time.Time `json:"from_close,omitzero"`
	ToClose     time.Time `json:"to_close,omitzero"`
	Amount      float64   `json:"amount"`
	DaysShifted int       `json:"days_shifted,omitempty"`
}

// Diff is the movement of the pipeline between two snapshots.
type Diff struct {
	From, To       time.Time
	StartOpen      Movement
	EndOpen        Movement
	Moves          map[Category]Movement
	Deals          map[Category][]DealChange
	Slippage       Slippage
	MatchKey       string
	Currency       string // the organisation's, set by the caller
	DuplicateKeys  int    // deals whose key repeats within a snapshot (matched in file order)
	ClosedBeforeAt int    // deals first seen closed before the start (history, not a movement)
}

// Slippage is how close dates moved: among the deals open at both ends
// with an expected close date at both, the share pushed later and the mean
// days pushed; and the deals open at the end whose expected close date had
// already passed.
type Slippage struct {
	Compared     int      `json:"compared"` // open at both ends with a close date at both
	Pushed       int      `json:"pushed"`
	SharePushed  *float64 `json:"share_pushed"`    // nil when nothing was compared
	AvgDaysPush  *float64 `json:"avg_days_pushed"` // nil when nothing was pushed
	PastDue      Movement `json:"open_past_close_date"`
	OpenWithDate int      `json:"open_with_close_date"` // open at the end with a close date
	// Interval is the 90 % Wilson interval of SharePushed; Confidence is
	// high from 60 compared deals, medium from 30 (the minimum for a
	// verdict, docs/METHOD.md), low below; Enough says whether a rule may
	// judge the share.
	Interval   *[2]float64 `json:"share_pushed_interval"`
	Confidence string      `json:"confidence"`
	Enough     bool        `json:"enough_data"`
}

// MinCompared is the minimum of compared deals for a verdict on the share
// pushed: a proportion, so the 30 of docs/METHOD.md.
const MinCompared = 30

// Compute compares snapshot a (earlier) with b (later). Deals are matched
// by the later snapshot's match key (both snapshots' keys when they
// differ would not meet: a record id never equals a name).
func Compute(a, b Snapshot) (Diff, error) {
	if !a.AsOf.Before(b.AsOf) {
		return Diff{}, fmt.Errorf("the start snapshot (%s) must be earlier than the end (%s): %w",
			a.AsOf.Format("2006-01-02"), b.AsOf.Format("2006-01-02"), diagnostic.ErrInvalid)
	}
	mode := b.MatchKey
	if a.MatchKey == diagnostic.MatchNameCreated || b.MatchKey == diagnostic.MatchNameCreated {
		mode = diagnostic.MatchNameCreated
	}
	d := Diff{From: a.AsOf, To: b.AsOf, MatchKey: mode, Moves: map[Category]Movement{}, Deals: map[Category][]DealChange{}}
	for _, c := range Categories() {
		d.Moves[c] = Movement{}
	}
	am, dupA := index(a.Deals, mode)
	bm, dupB := index(b.Deals, mode)
	d.DuplicateKeys = dupA + dupB
	keys := make([]string, 0, len(am)+len(bm))
	for k := range am {
		keys = append(keys, k)
	}
	for k := range bm {
		if _, ok := am[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var pushedDays float64
	for _, k := range keys {
		x, inA := am[k]
		y, inB := bm[k]
		openA := inA && x.Status == diagnostic.DealOpen
		openB := inB && y.Status == diagnostic.DealOpen
		if openA {
			d.StartOpen.add(x.Amount)
		}
		if openB {
			d.EndOpen.add(y.Amount)
			if !y.ExpectedClose.IsZero() {
				d.Slippage.OpenWithDate++
				if y.ExpectedClose.Before(b.AsOf) {
					d.Slippage.PastDue.add(y.Amount)
				}
			}
		}
		ch := change(x, y, inA, inB)
		switch {
		case openA && !inB:
			ch.Amount = x.Amount
			d.move(Removed, ch)
		case openA && !openB: // closed since the start, at its closing amount
			d.amountChange(ch)
			ch.Amount = y.Amount
			d.move(Category(y.Status), ch)
		case openA && openB:
			moved := d.amountChange(ch)
			if !x.ExpectedClose.IsZero() && !y.ExpectedClose.IsZero() {
				d.Slippage.Compared++
				days := dayDiff(x.ExpectedClose, y.ExpectedClose)
				ch.DaysShifted = days
				ch.Amount = y.Amount
				switch {
				case days > 0:
					d.move(Pushed, ch)
					d.Slippage.Pushed++
					pushedDays += float64(days)
					moved = true
				case days < 0:
					d.move(PulledIn, ch)
					moved = true
				}
			}
			if !moved {
				ch.Amount = y.Amount
				d.move(Unchanged, ch)
			}
		case !openA && inB && (openB || !inA):
			// Entered the pipeline since the start: created, reopened, or
			// created and closed between the two exports.
			if !openB && !y.Closed.IsZero() && !y.Closed.After(a.AsOf) {
				d.ClosedBeforeAt++ // closed before the start: history, not a movement
				continue
			}
			ch.Amount = y.Amount
			d.move(New, ch)
			if !openB {
				d.move(Category(y.Status), ch)
			}
		}
	}
	if d.Slippage.Compared > 0 {
		v := float64(d.Slippage.Pushed) / float64(d.Slippage.Compared)
		d.Slippage.SharePushed = &v
	}
	d.Slippage.judge()
	if d.Slippage.Pushed > 0 {
		v := pushedDays / float64(d.Slippage.Pushed)
		d.Slippage.AvgDaysPush = &v
	}
	return d, nil
}

// amountChange files a deal open at the start whose amount differs at the
// end under Increased or Decreased (by the difference), and says whether it
// did.
func (d *Diff) amountChange(ch DealChange) bool {
	delta := ch.ToAmount - ch.FromAmount
	if delta == 0 || math.IsNaN(delta) {
		return false
	}
	ch.Amount = math.Abs(delta)
	if delta > 0 {
		d.move(Increased, ch)
	} else {
		d.move(Decreased, ch)
	}
	return true
}

func (d *Diff) move(c Category, ch DealChange) {
	m := d.Moves[c]
	m.add(ch.Amount)
	d.Moves[c] = m
	d.Deals[c] = append(d.Deals[c], ch)
}

func (m *Movement) add(v float64) {
	m.Count++
	m.Amount += v
}

// Reconciled is start + new + increased − decreased − won − lost − removed:
// it equals EndOpen.Amount (up to rounding) by construction; tests check it.
func (d Diff) Reconciled() float64 {
	return d.StartOpen.Amount + d.Moves[New].Amount + d.Moves[Increased].Amount - d.Moves[Decreased].Amount -
		d.Moves[Won].Amount - d.Moves[Lost].Amount - d.Moves[Removed].Amount
}

func change(x, y diagnostic.Deal, inA, inB bool) DealChange {
	var ch DealChange
	src := y
	if !inB {
		src = x
	}
	ch.ID, ch.Name, ch.Stage, ch.Owner = src.ExternalID, src.Name, src.Stage, src.Owner
	if inA && x.Status == diagnostic.DealOpen {
		ch.FromAmount, ch.FromClose = x.Amount, x.ExpectedClose
	}
	if inB {
		ch.ToAmount = y.Amount
		if y.Status == diagnostic.DealOpen {
			ch.ToClose = y.ExpectedClose
		}
	}
	return ch
}

// index maps each deal of a snapshot by its match key; a key repeated
// within the snapshot gets "#2", "#3"… in file order, and is counted.
func index(deals []diagnostic.Deal, mode string) (map[string]diagnostic.Deal, int) {
	m := make(map[string]diagnostic.Deal, len(deals))
	seen := map[string]int{}
	dups := 0
	for _, d := range deals {
		k := diagnostic.MatchKeyOf(d, mode)
		seen[k]++
		if n := seen[k]; n > 1 {
			dups++
			k += "#" + strconv.Itoa(n)
		}
		m[k] = d
	}
	return m, dups
}

// dayDiff is the number of calendar days from a to b.
func dayDiff(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(math.Round(db.Sub(da).Hours() / 24))
}

// judge sets the interval and confidence of the share pushed.
func (s *Slippage) judge() {
	n := float64(s.Compared)
	switch {
	case n >= 2*MinCompared:
		s.Confidence = "high"
	case n >= MinCompared:
		s.Confidence = "medium"
	default:
		s.Confidence = "low"
	}
	s.Enough = n >= MinCompared
	if s.SharePushed != nil {
		lo, hi := kpi.Wilson(*s.SharePushed, n, kpi.Z90)
		s.Interval = &[2]float64{lo, hi}
	}
}

// MarshalJSON writes the diff as `pipeline-diff --json` prints it: one
// {"count","amount"} per movement at the top level, the open pipeline at
// both ends, the slippage, and the deals behind each movement.
func (d Diff) MarshalJSON() ([]byte, error) {
	m := map[string]any{
		"from":              d.From.Format("2006-01-02"),
		"to":                d.To.Format("2006-01-02"),
		"currency":          d.Currency,
		"match_key":         d.MatchKey,
		"start_open_amount": d.StartOpen.Amount,
		"end_open_amount":   d.EndOpen.Amount,
		"start_open_count":  d.StartOpen.Count,
		"end_open_count":    d.EndOpen.Count,
		"slippage":          d.Slippage,
		"duplicate_keys":    d.DuplicateKeys,
	}
	deals := map[string][]DealChange{}
	for _, c := range Categories() {
		m[string(c)] = d.Moves[c]
		deals[string(c)] = nonNilChanges(d.Deals[c])
	}
	m["deals"] = deals
	return json.Marshal(m)
}

func nonNilChanges(l []DealChange) []DealChange {
	if l == nil {
		return []DealChange{}
	}
	return l
}
