package workback

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// DaysPerMonth turns a daily pace into a monthly one (365.25 ÷ 12).
const DaysPerMonth = 365.25 / 12

// Velocity is the sales-velocity equation with the organisation's figures:
// revenue per month = open opportunities × win rate × average deal size ÷
// cycle (days) × days per month. Its four levers are what a what-if moves.
type Velocity struct {
	Opportunities   float64 `json:"opportunities"` // open deals now
	WinRate         float64 `json:"win_rate"`
	AvgDealSize     float64 `json:"avg_deal_size"`
	CycleDays       float64 `json:"cycle_days"`
	RevenuePerMonth float64 `json:"revenue_per_month"`
}

// Levers are relative changes of the four levers (0.1 = +10 %).
type Levers struct {
	Opportunities float64 `json:"opportunities"`
	WinRate       float64 `json:"win_rate"`
	AvgDealSize   float64 `json:"avg_deal_size"`
	CycleDays     float64 `json:"cycle_days"`
}

// WhatIf is a velocity with the levers moved, and its revenue effect.
type WhatIf struct {
	Levers   Levers   `json:"levers"`
	Velocity Velocity `json:"velocity"`
	// Effect is the change of revenue per month against the baseline.
	Effect float64 `json:"effect_per_month"`
}

// velocityOf is the baseline velocity; nil when a rate has not enough data
// or there is no open deal.
func velocityOf(p Plan) *Velocity {
	r := p.Rates
	if r.WinRate == nil || r.AvgDealSize == nil || r.CycleDays == nil || *r.CycleDays <= 0 || p.RunRate.OpenDeals == 0 {
		return nil
	}
	v := Velocity{Opportunities: float64(p.RunRate.OpenDeals), WinRate: *r.WinRate, AvgDealSize: *r.AvgDealSize, CycleDays: *r.CycleDays}
	v.RevenuePerMonth = v.revenue()
	return &v
}

func (v Velocity) revenue() float64 {
	return v.Opportunities * v.WinRate * v.AvgDealSize / v.CycleDays * DaysPerMonth
}

// Apply moves the levers: each figure times (1 + its change); a win rate
// is kept within 0–100 % and a cycle above zero (a change of −100 % or
// less is refused).
func (v Velocity) Apply(l Levers) (WhatIf, error) {
	for name, c := range map[string]float64{"opportunities": l.Opportunities, "win_rate": l.WinRate, "deal_size": l.AvgDealSize, "cycle": l.CycleDays} {
		if !(c > -1) || math.IsInf(c, 0) {
			return WhatIf{}, fmt.Errorf("what-if %s: a change of %v%% leaves nothing: %w", name, c*100, diagnostic.ErrInvalid)
		}
	}
	n := Velocity{Opportunities: v.Opportunities * (1 + l.Opportunities), WinRate: math.Min(1, v.WinRate*(1+l.WinRate)),
		AvgDealSize: v.AvgDealSize * (1 + l.AvgDealSize), CycleDays: v.CycleDays * (1 + l.CycleDays)}
	n.RevenuePerMonth = n.revenue()
	return WhatIf{Levers: l, Velocity: n, Effect: n.RevenuePerMonth - v.RevenuePerMonth}, nil
}

// ParseLevers reads "opportunities=+10%,win_rate=5%,deal_size=-5%,cycle=-10%"
// (any subset; percentages of each lever's own value).
func ParseLevers(s string) (Levers, error) {
	var l Levers
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		pct, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "+"), "%"), 64)
		if !ok || err != nil || math.IsNaN(pct) {
			return l, fmt.Errorf("what-if %q: want LEVER=±N%% (opportunities, win_rate, deal_size, cycle): %w", part, diagnostic.ErrInvalid)
		}
		switch strings.TrimSpace(k) {
		case "opportunities":
			l.Opportunities = pct / 100
		case "win_rate":
			l.WinRate = pct / 100
		case "deal_size":
			l.AvgDealSize = pct / 100
		case "cycle":
			l.CycleDays = pct / 100
		default:
			return l, fmt.Errorf("what-if lever %q: use opportunities, win_rate, deal_size or cycle: %w", k, diagnostic.ErrInvalid)
		}
	}
	return l, nil
}
