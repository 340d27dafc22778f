package analysis

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
)

// DemoFile is the embedded content of the demo organisation: profile, plan,
// assessments and the vocabulary of its records (assets/content/demo.json).
const DemoFile = "demo.json"

// DemoMonths is how many months of KPI data the demo organisation has,
// ending with the month before as-of.
const DemoMonths = 24

// demoContent is the parsed demo.json. Months are offsets from the month of
// as-of (0 is that month, -1 the one before).
type demoContent struct {
	Profile     diagnostic.Profile     `json:"profile"`
	Objectives  []diagnostic.Objective `json:"objectives"`
	CustomKPIs  []diagnostic.CustomKPI `json:"custom_kpis"`
	Plan        []demoPlanItem         `json:"plan"`
	SalesReps   []string               `json:"sales_reps"`
	DealSources []string               `json:"deal_sources"`
	Plans       []demoPlan             `json:"plans"`
	Assessments []demoAssessment       `json:"assessments"`
}

type demoPlanItem struct {
	KPI     string             `json:"kpi"`
	Owner   string             `json:"owner"`
	Cadence diagnostic.Cadence `json:"cadence"`
	Targets []struct {
		Value float64 `json:"value"`
		By    int     `json:"by"`
		Set   int     `json:"set"`
	} `json:"targets"`
	Retired bool `json:"retired"`
}

// demoPlan is a subscription plan: its list MRR and share of customers.
type demoPlan struct {
	Name  string  `json:"name"`
	MRR   float64 `json:"mrr"`
	Share float64 `json:"share"`
}

type demoAssessment struct {
	DaysBefore  int                `json:"days_before_as_of"`
	Version     string             `json:"questionnaire_version"`
	Context     diagnostic.Context `json:"context"`
	Respondents []struct {
		Name       string                `json:"name"`
		Department diagnostic.Department `json:"department"`
		Answers    map[string]int        `json:"answers"`
	} `json:"respondents"`
}

var demoOnce = sync.OnceValues(func() (*demoContent, error) {
	b, err := assets.Content(DemoFile)
	if err != nil {
		return nil, err
	}
	var c demoContent
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", DemoFile, diagnostic.ErrInvalid, err)
	}
	if err := c.Profile.Validate(); err != nil {
		return nil, fmt.Errorf("%s: profile: %w", DemoFile, err)
	}
	if len(c.SalesReps) == 0 || len(c.DealSources) == 0 || len(c.Plans) == 0 {
		return nil, fmt.Errorf("%s: sales_reps, deal_sources and plans must not be empty: %w", DemoFile, diagnostic.ErrInvalid)
	}
	return &c, nil
})

// DemoSnapshot returns the demo organisation as of asOf: a Spanish B2B SaaS
// company (mid-market, EUR, Spanish) with two assessments six months apart,
// a KPI plan, DemoMonths months of monthly inputs ending the month before
// asOf, about 300 deals and 176 customers. The records come from a seeded
// generator, so the same asOf always gives the same snapshot; dates move
// with asOf. It panics only when the embedded content is broken, a build
// defect the package tests catch (use LoadDemo to get the error instead).
func DemoSnapshot(asOf time.Time) Snapshot {
	s, err := LoadDemo(asOf)
	if err != nil {
		panic("analysis: embedded demo content is broken: " + err.Error())
	}
	return s
}

// LoadDemo is DemoSnapshot with the content error returned. The snapshot is
// validated: the profile, every assessment's context and answers, and the
// custom KPIs.
func LoadDemo(asOf time.Time) (Snapshot, error) {
	c, err := demoOnce()
	if err != nil {
		return Snapshot{}, err
	}
	asOf = asOf.UTC()
	now := diagnostic.MonthOf(asOf)
	s := Snapshot{
		Profile:    c.Profile,
		Objectives: c.Objectives,
		CustomKPIs: c.CustomKPIs,
		AsOf:       asOf,
	}
	for _, it := range c.Plan {
		p := diagnostic.PlanItem{KPI: it.KPI, Owner: it.Owner, Cadence: it.Cadence, Retired: it.Retired}
		for _, t := range it.Targets {
			p.Targets = append(p.Targets, diagnostic.Target{Value: t.Value, By: now.Add(t.By), SetOn: now.Add(t.Set).Start()})
		}
		s.Plan = append(s.Plan, p)
	}
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return Snapshot{}, fmt.Errorf("demo: %w", err)
	}
	for i, da := range c.Assessments {
		day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 10, 0, 0, 0, time.UTC).AddDate(0, 0, -da.DaysBefore)
		version := da.Version
		if version == "" {
			version = q.Version
		}
		a := diagnostic.Assessment{
			Date: day, Language: c.Profile.Language, QuestionnaireVersion: version,
			Status: diagnostic.StatusComplete, Context: da.Context,
		}
		for _, r := range da.Respondents {
			resp := diagnostic.Respondent{Name: r.Name, Department: r.Department, Answers: map[string]diagnostic.Answer{}}
			for id, v := range r.Answers {
				resp.Answers[id] = diagnostic.Answer{Value: v, At: day}
			}
			a.Respondents = append(a.Respondents, resp)
		}
		if err := diagnostic.ValidateRespondents(q, a.Respondents); err != nil {
			return Snapshot{}, fmt.Errorf("%s: assessments[%d]: %w", DemoFile, i, err)
		}
		if err := diagnostic.ValidateContext(q, a.Context); err != nil {
			return Snapshot{}, fmt.Errorf("%s: assessments[%d]: %w", DemoFile, i, err)
		}
		s.Assessments = append(s.Assessments, a)
	}
	g := newDemoGen(c, now.Add(-DemoMonths), now.Add(-1))
	g.run()
	s.Deals, s.Customers, s.Observations = g.deals, g.customers(), g.observations
	return s, nil
}
