package analysis

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	s := DemoSnapshot(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	fmt.Println(len(s.Deals), len(s.Customers), len(s.Observations))
	a, err := Analyse(context.Background(), s, locale.ES)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(a.From, a.To, *a.Result.Overall.Score, a.Warnings)
	for _, p := range a.Result.Pillars {
		fmt.Println(p.ID, *p.Score, *p.Alignment)
	}
	for _, g := range a.Result.Gaps {
		fmt.Println(g)
	}
	for _, id := range a.PlanKPIs() {
		for _, r := range a.Series(id) {
			v := "nil"
			if r.Value != nil {
				v = fmt.Sprintf("%.4g", *r.Value)
			}
			fmt.Print(v, " ")
		}
		r, _ := a.Latest(id)
		fmt.Println()
		fmt.Printf("%s %s %v target=%v status=%s trend=%+v missing=%v\n", id, r.Period, r.Value != nil, r.Target, r.Status, r.Trend, r.Missing)
	}
	for _, r := range a.Recommendations {
		fmt.Printf("%.2f %s %s\n   %s\n", r.Priority, r.ID, r.Text, a.EvidenceText(r))
	}
}
