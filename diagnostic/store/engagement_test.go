package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// fillOrg creates an organisation with a row in every table it owns.
func fillOrg(t testing.TB, s *Store, name string) Org {
	t.Helper()
	ctx := context.Background()
	o := mustOrg(t, s, name)
	day := func(v string) time.Time { d, _ := time.Parse("2006-01-02", v); return d }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, date := range []string{"2025-06-01", "2025-12-01"} {
		a, err := s.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es", Date: day(date), QuestionnaireVersion: "1",
			Status: diagnostic.StatusComplete, Context: diagnostic.Context{Symptom: "long_cycles", Objective: diagnostic.ObjGrowRevenue,
				Coverage: map[string]diagnostic.KPICoverage{"revenue": {Measured: true, Owner: "CFO"}, "nps": {}}},
			Respondents: []diagnostic.Respondent{
				{Name: "Ana", Department: diagnostic.DeptLeadership, Answers: map[string]diagnostic.Answer{"q1": {Value: 2 + i}, "q2": {Value: 0, Note: "n/s"}}},
				{Name: "Luis", Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{"q1": {Value: 4}}},
			}})
		must(err)
		must(s.SetScore(ctx, a.ID, ptr(40.0+float64(i*10))))
	}
	must(s.SetObjectives(ctx, o.ID, []diagnostic.Objective{diagnostic.ObjGrowRevenue, diagnostic.ObjRetainExpand}))
	must(s.SetPlanItem(ctx, o.ID, diagnostic.PlanItem{KPI: "win_rate", Owner: "Sales", Cadence: diagnostic.CadenceMonthly}))
	must(s.AddTarget(ctx, o.ID, "win_rate", diagnostic.Target{Value: 0.2, By: month("2026-06")}))
	must(s.AddTarget(ctx, o.ID, "nrr", diagnostic.Target{Value: 1.05, By: month("2026-12")}))
	must(s.SetCustomKPI(ctx, o.ID, diagnostic.CustomKPI{ID: "demos", NameES: "Demos", NameEN: "Demos", Unit: diagnostic.UnitCount, Direction: diagnostic.HigherIsBetter}))
	must(s.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: "revenue", Month: month("2025-01"), Value: 1234.5}))
	_, err := s.Import(ctx, o.ID, ImportRecord{FileName: "crm.csv", SHA256: sha('1'), Kind: KindDeals, Mapping: map[string]string{"amount": "Amount"}}, func(w *ImportWriter) error {
		must(w.AddDeal(diagnostic.Deal{ExternalID: "D1", Status: "won", Amount: 5000, Created: day("2025-01-02"), Closed: day("2025-02-03"), Owner: "Luis"}))
		must(w.AddDeal(diagnostic.Deal{ExternalID: "D2", Status: "open", Amount: 700, Created: day("2025-03-04")}))
		must(w.AddCustomer(diagnostic.Customer{ExternalID: "C1", Start: day("2024-01-01"), MRR: 300, Plan: "pro"}))
		must(w.AddTransaction(diagnostic.Transaction{OrderID: "T1", Date: day("2025-01-05"), Amount: 99, Profit: ptr(30.0)}))
		must(w.AddLead(diagnostic.Lead{ExternalID: "L1", Created: day("2025-01-06"), Stage: "mql", Source: "web"}))
		return w.AddObservation(diagnostic.Observation{Metric: "leads", Month: month("2025-01"), Value: 80})
	})
	must(err)
	must(s.SaveMapping(ctx, o.ID, Mapping{Kind: KindDeals, Headers: []string{"Amount"}, Fields: map[string]string{"amount": "Amount"}}))
	must(s.SetRecState(ctx, o.ID, RecState{RuleID: "r1", Status: RecAccepted, Owner: "Ana", Due: day("2026-03-01")}))
	must(s.SetComment(ctx, o.ID, "summary", "Un trimestre de transición."))
	return o
}

// dump lists every row of every table of a database file, in a stable
// order, leaving out the export's own time.
func dump(t testing.TB, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tb := range tables {
		cols, _ := tableColumns(context.Background(), db, tb)
		var order []string
		for i := range cols {
			order = append(order, fmt.Sprint(i+1))
		}
		rs, err := db.Query(`SELECT * FROM ` + tb + ` ORDER BY ` + strings.Join(order, ", "))
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			if tb == "meta" && vals[0] == "exported_at" {
				continue
			}
			fmt.Fprintf(&b, "%s %v\n", tb, vals)
		}
		rs.Close()
	}
	return b.String()
}

func TestEngagementRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := newTestStore(t)
	mustOrg(t, a, "Other") // so ids in a differ from ids in the file
	o := fillOrg(t, a, "Acme")
	fillOrg(t, a, "Noise")
	dir := t.TempDir()
	f1 := filepath.Join(dir, "acme.revops")
	if err := a.ExportEngagement(ctx, o.ID, f1, ExportOptions{AppVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(f1); st.Mode().Perm() != 0o600 || fileExists(f1+"-wal") {
		t.Errorf("engagement file mode %v, wal %v", st.Mode().Perm(), fileExists(f1+"-wal"))
	}
	b := newTestStore(t)
	got, err := b.ImportEngagement(ctx, f1, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f2 := filepath.Join(dir, "again.revops")
	if err := b.ExportEngagement(ctx, got.ID, f2, ExportOptions{AppVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	d1, d2 := dump(t, f1), dump(t, f2)
	if d1 != d2 {
		t.Errorf("export → import → export differs:\n%s\n----\n%s", d1, d2)
	}
	// The file holds one organisation and all of it: 2 assessments, 4
	// respondents, 5 answers, 2 plan items, 2 targets, 2 deals (one chunk)…
	for table, want := range map[string]int{"orgs": 1, "assessments": 2, "respondents": 4, "answers": 6, "kpi_coverage": 4,
		"plan_items": 2, "targets": 2, "deal_chunks": 1, "customers": 1, "transactions": 1, "leads": 1, "observations": 2,
		"imports": 1, "column_mappings": 1, "recommendations": 1, "section_comments": 1, "custom_kpis": 1, "objectives": 2, "settings": 0} {
		if n := strings.Count(d1, "\n"+table+" ") + boolInt(strings.HasPrefix(d1, table+" ")); n != want {
			t.Errorf("%s: %d rows in the file, want %d", table, n, want)
		}
	}
	// The imported data reads back the same through the API.
	la, _ := a.LatestAssessment(ctx, o.ID)
	lb, _ := b.LatestAssessment(ctx, got.ID)
	if len(lb.Respondents) != 2 || lb.Respondents[0].Answers["q1"].Value != la.Respondents[0].Answers["q1"].Value {
		t.Errorf("latest assessment after import: %+v", lb)
	}
	obs, _ := b.Observations(ctx, got.ID, Range{}, "leads")
	imps, _ := b.Imports(ctx, got.ID)
	if len(obs) != 1 || len(imps) != 1 || obs[0].Source != ImportSource(imps[0].ID) {
		t.Errorf("imported observation source %v, imports %+v", obs, imps)
	}
	// A name clash fails and changes nothing; --rename brings it in.
	if _, err := b.ImportEngagement(ctx, f1, ImportOptions{}); !errors.Is(err, diagnostic.ErrConflict) || !strings.Contains(err.Error(), "--rename") {
		t.Errorf("clash: %v", err)
	}
	if list, _ := b.Orgs(ctx); len(list) != 1 {
		t.Errorf("%d organisations after a failed import", len(list))
	}
	r, err := b.ImportEngagement(ctx, f1, ImportOptions{Rename: "Acme 2026"})
	if err != nil || r.Name != "Acme 2026" {
		t.Fatalf("rename: %+v %v", r, err)
	}
	// Replace swaps the organisation of the same name in one transaction.
	before, _ := b.Orgs(ctx)
	rep, err := b.ImportEngagement(ctx, f1, ImportOptions{Replace: true})
	after, _ := b.Orgs(ctx)
	if err != nil || rep.Name != "Acme" || rep.ID == got.ID || len(after) != len(before) {
		t.Errorf("replace: %+v %v; %d organisations before, %d after", rep, err, len(before), len(after))
	}
	// An engagement file is not a database, and a database is not an
	// engagement file.
	if _, err := Open(ctx, f1, Options{}); !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "import-engagement") {
		t.Errorf("opening an engagement file as database: %v", err)
	}
	if _, err := b.ImportEngagement(ctx, a.Path(), ImportOptions{}); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("importing a database: %v", err)
	}
	if err := a.ExportEngagement(ctx, o.ID, f1, ExportOptions{}); !errors.Is(err, diagnostic.ErrConflict) {
		t.Errorf("export over an existing file: %v", err)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestEngagementEncrypted(t *testing.T) {
	ctx := context.Background()
	a := newTestStore(t)
	o := fillOrg(t, a, "Acme")
	f := filepath.Join(t.TempDir(), "acme.revops")
	if err := a.ExportEngagement(ctx, o.ID, f, ExportOptions{Passphrase: "correct horse", WorkFactor: 10}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(f)
	if !strings.HasPrefix(string(raw), ageMagic) || strings.Contains(string(raw), "Acme") || strings.Contains(string(raw), "SQLite") {
		t.Fatal("the file is not encrypted")
	}
	b := newTestStore(t)
	pass := func(p string) func() (string, error) { return func() (string, error) { return p, nil } }
	if _, err := b.ImportEngagement(ctx, f, ImportOptions{Passphrase: pass("wrong")}); !errors.Is(err, ErrPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	if _, err := b.ImportEngagement(ctx, f, ImportOptions{}); !errors.Is(err, ErrPassphrase) {
		t.Errorf("no passphrase: %v", err)
	}
	// Flip one byte of the payload (after the header) and cut the tail.
	tampered := filepath.Join(t.TempDir(), "t.revops")
	bad := append([]byte(nil), raw...)
	bad[len(bad)-100] ^= 1
	os.WriteFile(tampered, bad, 0o600)
	if _, err := b.ImportEngagement(ctx, tampered, ImportOptions{Passphrase: pass("correct horse")}); !errors.Is(err, ErrTampered) {
		t.Errorf("tampered: %v", err)
	}
	os.WriteFile(tampered, raw[:len(raw)/2], 0o600)
	if _, err := b.ImportEngagement(ctx, tampered, ImportOptions{Passphrase: pass("correct horse")}); !errors.Is(err, ErrTampered) {
		t.Errorf("truncated: %v", err)
	}
	if list, _ := b.Orgs(ctx); len(list) != 0 {
		t.Errorf("failed imports left %d organisations", len(list))
	}
	got, err := b.ImportEngagement(ctx, f, ImportOptions{Passphrase: pass("correct horse")})
	if err != nil || got.Name != "Acme" {
		t.Fatalf("right passphrase: %+v %v", got, err)
	}
	// A plain file with a damaged page is refused too.
	plain := filepath.Join(t.TempDir(), "p.revops")
	if err := a.ExportEngagement(ctx, o.ID, plain, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	pr, _ := os.ReadFile(plain)
	page := int(binary.BigEndian.Uint16(pr[16:18])) // the third page
	if page == 1 {
		page = 65536
	}
	for i := page * 2; i < page*3 && i < len(pr); i++ {
		pr[i] = 0xAA
	}
	os.WriteFile(plain, pr, 0o600)
	if _, err := b.ImportEngagement(ctx, plain, ImportOptions{Rename: "X"}); !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), ".revopsdx-") {
		t.Errorf("damaged plain file: %v", err)
	}
}

// TestEngagementNamesChecked: import-engagement checks the names in the
// file as typing them would (before: a 5,016-character name with ESC[2J
// went in).
func TestEngagementNamesChecked(t *testing.T) {
	ctx := context.Background()
	a := newTestStore(t)
	o := mustOrg(t, a, "Acme")
	if _, err := a.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es",
		Respondents: []diagnostic.Respondent{{Name: "Ana", Department: diagnostic.DeptSales}}}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, set := range []string{
		`UPDATE orgs SET name = 'Evil' || char(27) || '[2J' || printf('%.5000c', 'x')`,
		`UPDATE respondents SET name = 'Ana' || char(8238)`,
	} {
		f := filepath.Join(dir, fmt.Sprintf("e%d.revops", i))
		if err := a.ExportEngagement(ctx, o.ID, f, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite", fileURI(f))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(set); err != nil {
			t.Fatal(err)
		}
		db.Close()
		b := newTestStore(t)
		_, err = b.ImportEngagement(ctx, f, ImportOptions{})
		if !errors.Is(err, diagnostic.ErrInvalid) || strings.ContainsAny(err.Error(), "\x1b\u202e") {
			t.Errorf("%s: %v", set, err)
		}
		if list, _ := b.Orgs(ctx); len(list) != 0 {
			t.Errorf("%s: imported %v", set, list)
		}
	}
}
