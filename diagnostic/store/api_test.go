package store

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func month(s string) diagnostic.Month { m, _ := diagnostic.ParseMonth(s); return m }

func TestOrgs(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	acme := mustOrg(t, s, "Acme")
	if _, err := s.CreateOrg(ctx, diagnostic.Profile{Name: "ACME", Currency: "EUR", Language: "en"}); !errors.Is(err, diagnostic.ErrConflict) {
		t.Errorf("duplicate name (other case): %v", err)
	}
	if _, err := s.CreateOrg(ctx, diagnostic.Profile{Name: "X", Currency: "eur", Language: "en"}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("bad currency: %v", err)
	}
	beta := mustOrg(t, s, "Beta")
	for ref, want := range map[string]int64{"acme": acme.ID, " Beta ": beta.ID, "2": beta.ID} {
		o, err := s.FindOrg(ctx, ref)
		if err != nil || o.ID != want {
			t.Errorf("FindOrg(%q) = %d, %v; want %d", ref, o.ID, err, want)
		}
	}
	if _, err := s.FindOrg(ctx, "nope"); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("FindOrg(nope) = %v", err)
	}
	a, err := s.CreateAssessment(ctx, diagnostic.Assessment{OrgID: acme.ID, Language: "es", Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.CreateAssessment(ctx, diagnostic.Assessment{OrgID: acme.ID, Language: "es", Date: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)})
	s.SetScore(ctx, a.ID, ptr(40.0))
	list, err := s.Orgs(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "Acme" || list[0].Assessments != 2 || list[0].LastScore == nil || *list[0].LastScore != 40 {
		t.Fatalf("Orgs = %+v, %v", list, err)
	}
	// The latest assessment b gets a score: it wins over a's.
	s.SetScore(ctx, b.ID, ptr(55.5))
	list, _ = s.Orgs(ctx)
	if *list[0].LastScore != 55.5 || list[1].LastScore != nil {
		t.Errorf("last scores %v %v", *list[0].LastScore, list[1].LastScore)
	}
	if err := s.DeleteOrg(ctx, acme.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assessment(ctx, a.ID); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("assessment survived its organisation: %v", err)
	}
	if err := s.DeleteOrg(ctx, acme.ID); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestAssessmentAutosave(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	a, err := s.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "en", QuestionnaireVersion: "1",
		Context: diagnostic.Context{Symptom: "long_cycles", Objective: diagnostic.ObjGrowRevenue,
			Coverage: map[string]diagnostic.KPICoverage{"revenue": {Measured: true, Owner: "CFO", Cadence: diagnostic.CadenceMonthly}}},
		Respondents: []diagnostic.Respondent{{Name: "Ana", Department: diagnostic.DeptSales,
			Answers: map[string]diagnostic.Answer{"q1": {Value: 3}}}}})
	if err != nil {
		t.Fatal(err)
	}
	rid, err := s.AddRespondent(ctx, a.ID, diagnostic.Respondent{Name: "Luis", Department: diagnostic.DeptMarketing})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 2, 3, 4, 5, 6, 7, time.UTC)
	if err := s.SetAnswer(ctx, rid, "q1", diagnostic.Answer{Value: diagnostic.NA, Note: "no sé", At: at}); err != nil {
		t.Fatal(err)
	}
	s.SetAnswer(ctx, rid, "q2", diagnostic.Answer{Value: 5})
	s.SetAnswer(ctx, rid, "q2", diagnostic.Answer{Value: 4, At: at}) // changed mind
	s.SetAnswer(ctx, rid, "q3", diagnostic.Answer{Value: 1})
	s.ClearAnswer(ctx, rid, "q3")
	if err := s.SetAnswer(ctx, rid, "q5", diagnostic.Answer{Value: diagnostic.DontKnow, At: at}); err != nil {
		t.Fatalf("don't know refused: %v", err)
	}
	if err := s.SetAnswer(ctx, rid, "q6", diagnostic.Answer{Value: -1}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("value -1 accepted: %v", err)
	}
	if err := s.SetAnswer(ctx, rid, "q4", diagnostic.Answer{Value: 6}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("value 6 accepted: %v", err)
	}
	if err := s.SetAnswer(ctx, 999, "q1", diagnostic.Answer{Value: 1}); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("unknown respondent: %v", err)
	}
	s.SetCoverage(ctx, a.ID, "nps", diagnostic.KPICoverage{Measured: false})
	s.SetAssessmentStatus(ctx, a.ID, diagnostic.StatusComplete)
	got, err := s.LatestAssessment(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []diagnostic.Respondent{
		{ID: a.Respondents[0].ID, Name: "Ana", Department: diagnostic.DeptSales,
			Answers: map[string]diagnostic.Answer{"q1": {Value: 3, At: got.Respondents[0].Answers["q1"].At}}},
		{ID: rid, Name: "Luis", Department: diagnostic.DeptMarketing, Answers: map[string]diagnostic.Answer{
			"q1": {Value: 0, Note: "no sé", At: at}, "q2": {Value: 4, At: at}, "q5": {Value: diagnostic.DontKnow, At: at}}},
	}
	if !reflect.DeepEqual(got.Respondents, want) {
		t.Errorf("respondents:\n got %+v\nwant %+v", got.Respondents, want)
	}
	if got.Status != diagnostic.StatusComplete || got.Context.Symptom != "long_cycles" || len(got.Context.Coverage) != 2 ||
		got.Context.Coverage["revenue"].Owner != "CFO" {
		t.Errorf("assessment %+v", got)
	}
	org, _ := s.Org(ctx, o.ID)
	if !org.Updated.After(o.Updated) {
		t.Errorf("organisation not touched by answers: %v <= %v", org.Updated, o.Updated)
	}
}

func TestPlanAndObservations(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	if err := s.SetObjectives(ctx, o.ID, []diagnostic.Objective{diagnostic.ObjRetainExpand, diagnostic.ObjGrowRevenue}); err != nil {
		t.Fatal(err)
	}
	if objs, _ := s.Objectives(ctx, o.ID); !reflect.DeepEqual(objs, []diagnostic.Objective{"retain_expand", "grow_revenue"}) {
		t.Errorf("objectives %v", objs)
	}
	s.SetPlanItem(ctx, o.ID, diagnostic.PlanItem{KPI: "win_rate", Owner: "Sales", Cadence: diagnostic.CadenceMonthly})
	s.AddTarget(ctx, o.ID, "nrr", diagnostic.Target{Value: 1.05, By: month("2026-12")}) // adds nrr to the plan
	s.AddTarget(ctx, o.ID, "win_rate", diagnostic.Target{Value: 0.2, By: month("2026-06")})
	s.AddTarget(ctx, o.ID, "win_rate", diagnostic.Target{Value: 0.25, By: month("2026-12")})
	s.ReorderPlan(ctx, o.ID, []string{"nrr"})
	plan, err := s.Plan(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 2 || plan[0].KPI != "nrr" || plan[1].Owner != "Sales" || len(plan[1].Targets) != 2 || plan[1].Targets[1].Value != 0.25 {
		t.Errorf("plan %+v", plan)
	}
	for i, m := range []string{"2025-11", "2025-12", "2026-01"} {
		if err := s.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: "revenue", Month: month(m), Value: float64(100 * (i + 1))}); err != nil {
			t.Fatal(err)
		}
	}
	s.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: "revenue", Month: month("2025-12"), Value: 250}) // corrected
	s.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: "leads", Month: month("2025-12"), Value: 40})
	obs, err := s.Observations(ctx, o.ID, Range{From: month("2025-12")}, "revenue")
	if err != nil {
		t.Fatal(err)
	}
	want := []diagnostic.Observation{{Metric: "revenue", Month: month("2025-12"), Value: 250, Source: "manual"}, {Metric: "revenue", Month: month("2026-01"), Value: 300, Source: "manual"}}
	if !reflect.DeepEqual(obs, want) {
		t.Errorf("observations %v", obs)
	}
	// A batch is all or nothing: the NaN in the second value refuses both.
	bad := []diagnostic.Observation{{Metric: "mqls", Month: month("2026-01"), Value: 5}, {Metric: "sqls", Month: month("2026-01"), Value: math.NaN()}}
	if err := s.SetObservations(ctx, o.ID, bad); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("batch with NaN: %v", err)
	}
	bad[1].Value = 2
	if err := s.SetObservations(ctx, o.ID, bad); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Observations(ctx, o.ID, Range{}); len(all) != 6 {
		t.Errorf("all observations: %d, want 6", len(all))
	}
}

// sha is a fake but well-formed SHA-256.
func sha(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}

func TestImportAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	d := func(id string, st diagnostic.DealStatus, created, closed string) diagnostic.Deal {
		dd := diagnostic.Deal{ExternalID: id, Status: st, Amount: 1000}
		dd.Created, _ = time.Parse("2006-01-02", created)
		if closed != "" {
			dd.Closed, _ = time.Parse("2006-01-02", closed)
		}
		return dd
	}
	rec := ImportRecord{FileName: "deals.csv", SHA256: sha('a'), Kind: KindDeals, Mapping: map[string]string{"amount": "Importe"}, Rejected: 1}
	got, err := s.Import(ctx, o.ID, rec, func(w *ImportWriter) error {
		for _, x := range []diagnostic.Deal{d("1", "won", "2025-01-10", "2025-02-20"), d("2", "open", "2025-03-01", ""), d("3", "lost", "2024-12-01", "2025-03-05")} {
			if err := w.AddDeal(x); err != nil {
				return err
			}
		}
		return w.AddObservation(diagnostic.Observation{Metric: "revenue", Month: month("2025-02"), Value: 1000})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Accepted != 4 || got.Rejected != 1 || got.ID == 0 {
		t.Errorf("import record %+v", got)
	}
	// Deals created or closed in March 2025: 2 (created) and 3 (closed).
	march, _ := s.Deals(ctx, o.ID, Range{From: month("2025-03"), To: month("2025-03")})
	if len(march) != 2 || march[0].ExternalID != "2" || march[1].ExternalID != "3" || !march[0].Closed.IsZero() {
		t.Errorf("March deals %+v", march)
	}
	obs, _ := s.Observations(ctx, o.ID, Range{})
	if len(obs) != 1 || obs[0].Source != ImportSource(got.ID) {
		t.Errorf("imported observation %+v", obs)
	}
	// The same file again: conflict, nothing changes.
	_, err = s.Import(ctx, o.ID, rec, func(w *ImportWriter) error { return w.AddDeal(d("9", "won", "2025-01-01", "2025-01-02")) })
	if !errors.Is(err, diagnostic.ErrConflict) {
		t.Errorf("duplicate import: %v", err)
	}
	// A failing import leaves nothing behind.
	boom := errors.New("row 3: bad amount")
	_, err = s.Import(ctx, o.ID, ImportRecord{FileName: "b.csv", SHA256: sha('b'), Kind: KindLeads}, func(w *ImportWriter) error {
		w.AddLead(diagnostic.Lead{ExternalID: "L1", Created: time.Now(), Stage: "mql"})
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("failing import: %v", err)
	}
	// A cancelled import too.
	cctx, cancel := context.WithCancel(ctx)
	_, err = s.Import(cctx, o.ID, ImportRecord{FileName: "c.csv", SHA256: sha('c'), Kind: KindLeads}, func(w *ImportWriter) error {
		for i := 0; i < 5000; i++ {
			if i == 2000 {
				cancel()
			}
			if err := w.AddLead(diagnostic.Lead{ExternalID: "L", Created: time.Now(), Stage: "lead"}); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled import: %v", err)
	}
	if leads, _ := s.Leads(ctx, o.ID, Range{}); len(leads) != 0 {
		t.Errorf("%d leads left by failed imports", len(leads))
	}
	// Replace: the old rows go, the new ones come, in one transaction.
	rec.Replace = true
	got2, err := s.Import(ctx, o.ID, rec, func(w *ImportWriter) error { return w.AddDeal(d("7", "won", "2025-05-01", "2025-05-02")) })
	if err != nil {
		t.Fatal(err)
	}
	deals, _ := s.Deals(ctx, o.ID, Range{})
	imps, _ := s.Imports(ctx, o.ID)
	obs, _ = s.Observations(ctx, o.ID, Range{})
	if len(deals) != 1 || deals[0].ExternalID != "7" || len(imps) != 1 || imps[0].ID != got2.ID || imps[0].Mapping["amount"] != "Importe" || len(obs) != 0 {
		t.Errorf("after replace: deals %+v imports %+v obs %+v", deals, imps, obs)
	}
}

func TestRecordsAndExtras(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	_, err := s.Import(ctx, o.ID, ImportRecord{FileName: "c.csv", SHA256: sha('d'), Kind: KindCustomers}, func(w *ImportWriter) error {
		w.AddCustomer(diagnostic.Customer{ExternalID: "old", Start: day("2023-01-01"), End: day("2024-06-30"), MRR: 10})
		w.AddCustomer(diagnostic.Customer{ExternalID: "live", Start: day("2024-01-01"), MRR: 20})
		w.AddTransaction(diagnostic.Transaction{OrderID: "o1", Date: day("2024-07-15"), Amount: 5, Profit: ptr(2.0)})
		return w.AddTransaction(diagnostic.Transaction{OrderID: "o2", Date: day("2024-08-01"), Amount: 7})
	})
	if err != nil {
		t.Fatal(err)
	}
	// Active in July 2024: only "live" ("old" ended in June).
	cs, _ := s.Customers(ctx, o.ID, Range{From: month("2024-07"), To: month("2024-07")})
	if len(cs) != 1 || cs[0].ExternalID != "live" {
		t.Errorf("customers %+v", cs)
	}
	tx, _ := s.Transactions(ctx, o.ID, Range{From: month("2024-07"), To: month("2024-07")})
	if len(tx) != 1 || *tx[0].Profit != 2 {
		t.Errorf("transactions %+v", tx)
	}
	m := Mapping{Kind: KindDeals, Headers: []string{"Importe", "Fecha"}, Fields: map[string]string{"amount": "Importe"}}
	if err := s.SaveMapping(ctx, o.ID, m); err != nil {
		t.Fatal(err)
	}
	found, err := s.FindMapping(ctx, o.ID, KindDeals, []string{" fecha", "IMPORTE"})
	if err != nil || found.Fields["amount"] != "Importe" {
		t.Errorf("mapping %+v %v", found, err)
	}
	if _, err := s.FindMapping(ctx, o.ID, KindDeals, []string{"x"}); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("unknown layout: %v", err)
	}
	s.SetRecState(ctx, o.ID, RecState{RuleID: "r1", Status: RecAccepted, Owner: "Ana", Due: day("2026-03-01")})
	s.SetRecState(ctx, o.ID, RecState{RuleID: "r2", Status: RecOpen})
	s.SetRecState(ctx, o.ID, RecState{RuleID: "r1", Status: RecDone, Note: "hecho", Due: day("2026-03-01")})
	s.ReorderRecs(ctx, o.ID, []string{"r2"})
	recs, _ := s.RecStates(ctx, o.ID)
	if len(recs) != 2 || recs[0].RuleID != "r2" || recs[1].Status != RecDone || recs[1].Note != "hecho" || !recs[1].Due.Equal(day("2026-03-01")) {
		t.Errorf("recs %+v", recs)
	}
	if err := s.SetRecState(ctx, o.ID, RecState{RuleID: "r3", Status: "maybe"}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("bad status: %v", err)
	}
	st, _ := s.Settings(ctx)
	if st.DefaultLanguage != "es" {
		t.Errorf("default settings %+v", st)
	}
	s.SaveSettings(ctx, Settings{ConsultantName: "Marta", Logo: []byte{0x89, 'P', 'N', 'G'}, DefaultLanguage: "en"})
	st, _ = s.Settings(ctx)
	if st.ConsultantName != "Marta" || string(st.Logo) != "\x89PNG" || st.DefaultLanguage != "en" {
		t.Errorf("settings %+v", st)
	}
}
