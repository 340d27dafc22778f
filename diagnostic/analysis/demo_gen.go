package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The demo's seed: the same seed and as-of always give the same records.
const demoSeed1, demoSeed2 = 20261127, 7

// demoGen generates the demo's records month by month. The story (see
// docs/ANALYSIS.md): leads grow, but MQL→SQL and the win rate slip and the
// sales cycle stretches over the last year; churn creeps up in the last
// eight months, and the slower, rarer wins push CAC payback up. The
// figures hang together: about 20 employees for €1.8M ARR, a sales and
// marketing spend of a sixth of revenue, a monthly quota that the team met
// when it won 28 % of its deals, renewals that lose exactly the customers
// who churn.
type demoGen struct {
	c           *demoContent
	rng         *rand.Rand
	first, last diagnostic.Month // the months of monthly inputs

	deals        []diagnostic.Deal
	spans        map[string][]diagnostic.Customer // records by customer id
	ids          []string                         // customer ids in creation order
	observations []diagnostic.Observation
	created      map[diagnostic.Month]int // deals created by month
	churned      map[diagnostic.Month]int // customers lost by month
}

func newDemoGen(c *demoContent, first, last diagnostic.Month) *demoGen {
	return &demoGen{
		c: c, rng: rand.New(rand.NewPCG(demoSeed1, demoSeed2)), first: first, last: last,
		spans: map[string][]diagnostic.Customer{}, created: map[diagnostic.Month]int{}, churned: map[diagnostic.Month]int{},
	}
}

// idx is the month's index from the first month of inputs (negative before).
func (g *demoGen) idx(m diagnostic.Month) int { return m.Index() - g.first.Index() }

// day returns a date in month m (days 1–28), at noon UTC.
func (g *demoGen) day(m diagnostic.Month) time.Time {
	return m.Start().AddDate(0, 0, g.rng.IntN(28)).Add(12 * time.Hour)
}

// plan draws a subscription plan by its share.
func (g *demoGen) plan() demoPlan {
	x := g.rng.Float64()
	for _, p := range g.c.Plans {
		if x < p.Share {
			return p
		}
		x -= p.Share
	}
	return g.c.Plans[len(g.c.Plans)-1]
}

func (g *demoGen) run() {
	g.initialCustomers(105)
	for m := g.first.Add(-2); !g.last.Before(m); m = m.Add(1) {
		g.dealsOf(m)
	}
	slices.SortStableFunc(g.deals, func(a, b diagnostic.Deal) int { return a.Created.Compare(b.Created) })
	for m := g.first.Add(-12); !g.last.Before(m); m = m.Add(1) {
		g.lifecycle(m)
	}
	for m := g.first; !g.last.Before(m); m = m.Add(1) {
		g.inputs(m)
	}
}

// initialCustomers creates the customers signed before the deal records
// start, over the three years before the first month.
func (g *demoGen) initialCustomers(n int) {
	for range n {
		m := g.first.Add(-12 - 1 - g.rng.IntN(30))
		p := g.plan()
		g.addCustomer(g.day(m), p.Name, round(p.MRR*(0.85+0.3*g.rng.Float64()), 10))
	}
}

func (g *demoGen) addCustomer(start time.Time, plan string, mrr float64) {
	id := fmt.Sprintf("CLI-%04d", len(g.ids)+1)
	g.ids = append(g.ids, id)
	g.spans[id] = []diagnostic.Customer{{ExternalID: id, Start: start, MRR: mrr, Plan: plan}}
}

// dealsOf creates the deals of month m: 10–13 a month; the win rate slips
// from 28 % to about 17 % over the last year and won deals take longer.
// A deal whose close would fall after the last month stays open; a won deal
// becomes a customer from its close date.
func (g *demoGen) dealsOf(m diagnostic.Month) {
	i := g.idx(m)
	n := 10 + g.rng.IntN(4)
	pWin := 0.28 - 0.009*math.Max(0, float64(i-11))
	for range n {
		p := g.plan()
		amount := round(12*p.MRR*(0.9+0.3*g.rng.Float64()), 100)
		created := g.day(m)
		won := g.rng.Float64() < pWin
		var days int
		if won {
			days = int(math.Max(15, 50+2.5*math.Max(0, float64(i-10))+g.rng.NormFloat64()*10))
		} else {
			days = 20 + g.rng.IntN(90)
		}
		d := diagnostic.Deal{
			ExternalID: fmt.Sprintf("OPP-%05d", len(g.deals)+1),
			Name:       fmt.Sprintf("%s · %s", p.Name, g.c.DealSources[g.rng.IntN(len(g.c.DealSources))]),
			Amount:     amount, Currency: g.c.Profile.Currency, Created: created,
			Owner:    g.c.SalesReps[g.rng.IntN(len(g.c.SalesReps))],
			Source:   g.c.DealSources[g.rng.IntN(len(g.c.DealSources))],
			Pipeline: "new_business",
		}
		closed := created.AddDate(0, 0, days)
		switch {
		case !closed.Before(g.last.End()):
			d.Status, d.Stage = diagnostic.DealOpen, "proposal"
		case won:
			d.Status, d.Stage, d.Closed = diagnostic.DealWon, "closed_won", closed
			g.addCustomer(closed, p.Name, round(amount/12, 10))
		default:
			d.Status, d.Stage, d.Closed = diagnostic.DealLost, "closed_lost", closed
		}
		g.created[m]++
		g.deals = append(g.deals, d)
	}
}

// lifecycle applies month m's churn, expansions and contractions to the
// customers active at its start. Monthly churn is 0.6 % until the last eight
// months, then climbs to about 1.4 %; about 2 % of customers upgrade each
// month.
func (g *demoGen) lifecycle(m diagnostic.Month) {
	i := g.idx(m)
	pChurn := 0.006 + 0.001*math.Max(0, float64(i-15))
	for _, id := range g.ids {
		sp := g.spans[id]
		cur := &sp[len(sp)-1]
		if !cur.End.IsZero() || !cur.Start.Before(m.Start()) {
			continue
		}
		x := g.rng.Float64()
		switch {
		case x < pChurn:
			cur.End = g.day(m)
			g.churned[m]++
		case x < pChurn+0.02: // upgrade
			g.change(id, m, round(cur.MRR*(1.3+0.4*g.rng.Float64()), 10))
		case x < pChurn+0.023: // downgrade
			g.change(id, m, round(cur.MRR*0.6, 10))
		}
	}
}

// change ends a customer's current record and opens one with a new MRR.
func (g *demoGen) change(id string, m diagnostic.Month, mrr float64) {
	sp := g.spans[id]
	at := g.day(m)
	sp[len(sp)-1].End = at
	g.spans[id] = append(sp, diagnostic.Customer{ExternalID: id, Start: at, MRR: mrr, Plan: sp[len(sp)-1].Plan})
}

// customers flattens the records, in customer then date order.
func (g *demoGen) customers() []diagnostic.Customer {
	var out []diagnostic.Customer
	for _, id := range g.ids {
		out = append(out, g.spans[id]...)
	}
	return out
}

// mrrAt is the MRR of the customers active at instant t.
func (g *demoGen) mrrAt(t time.Time) float64 {
	sum := 0.0
	for _, id := range g.ids {
		for _, c := range g.spans[id] {
			if !c.Start.After(t) && (c.End.IsZero() || c.End.After(t)) {
				sum += c.MRR
			}
		}
	}
	return sum
}

// inputs records month m's monthly inputs, as a finance or marketing team
// would type them.
func (g *demoGen) inputs(m diagnostic.Month) {
	i := float64(g.idx(m))
	r := g.rng
	add := func(metric string, v float64) {
		g.observations = append(g.observations, diagnostic.Observation{Metric: metric, Month: m, Value: v, Source: diagnostic.SourceManual})
	}
	revenue := round(g.mrrAt(m.End().Add(-time.Nanosecond))*(1.03+0.02*r.Float64()), 1)
	add("revenue", revenue)
	add("gross_profit", round(revenue*(0.75+0.03*r.Float64()), 1))
	add("net_profit", round(revenue*(0.07+0.04*r.Float64()), 1))
	leads := math.Round(290 + 5.5*i + r.NormFloat64()*15)
	mqls := math.Round(leads * (0.36 + 0.04*r.Float64()))
	sqls := math.Round(mqls * (0.42 - 0.006*i + 0.02*(r.Float64()-0.5)))
	add("leads", leads)
	add("mqls", mqls)
	add("sqls", sqls)
	add("opportunities", float64(g.created[m]))
	mkt := round(7000+80*i+600*r.Float64(), 10)
	add("marketing_spend", mkt)
	add("sales_marketing_spend", round(mkt+15000+150*i+1000*r.Float64(), 10))
	add("marketing_attributed_revenue", round(mkt*(2.0+0.6*r.Float64()), 10))
	add("employees", 16+math.Floor(i/4))
	resp := float64(30 + r.IntN(16))
	prom := math.Round(resp * (0.46 - 0.003*i))
	det := math.Round(resp * (0.18 + 0.002*i))
	add("nps_promoters", prom)
	add("nps_passives", resp-prom-det)
	add("nps_detractors", det)
	csat := float64(60 + r.IntN(31))
	add("csat_responses", csat)
	add("csat_positive", math.Round(csat*(0.85+0.06*r.Float64())))
	// Annual contracts: a twelfth of the base is due each month, and the
	// customers lost this month are the renewals lost.
	due := math.Round(float64(g.active(m)) / 12)
	add("renewals_due", due)
	add("renewals_renewed", math.Max(0, due-float64(g.churned[m])))
	add("quota", 22000+250*i)
	add("demos_held", math.Round(sqls*0.8+r.NormFloat64()*3))
}

// active counts the customers active at the start of month m.
func (g *demoGen) active(m diagnostic.Month) int {
	n := 0
	t := m.Start()
	for _, id := range g.ids {
		sp := g.spans[id]
		if !sp[0].Start.After(t) && (sp[len(sp)-1].End.IsZero() || sp[len(sp)-1].End.After(t)) {
			n++
		}
	}
	return n
}

// round rounds v to a multiple of unit.
func round(v, unit float64) float64 { return math.Round(v/unit) * unit }
