package recommend

import "testing"

// TestUpstreamRanksFirst: a money finding on acquisition efficiency (CAC
// payback) ranks just below a money finding on a problem upstream of it
// (retention, conversion) even with a larger estimate, and stays where its
// money puts it when nothing upstream has money.
func TestUpstreamRanksFirst(t *testing.T) {
	money := func(v float64) *float64 { return &v }
	for _, up := range []string{ProblemRetention, ProblemConversion} {
		fs := []finding{
			{rule: &Rule{}, rec: Recommendation{ID: "cac_payback_long", Problem: ProblemAcquisition, Impact: money(260_000), Priority: 260_000}},
			{rule: &Rule{}, rec: Recommendation{ID: "upstream", Problem: up, Impact: money(90_000), Priority: 63_000}},
		}
		leakyBucket(fs)
		if fs[0].rec.Priority >= fs[1].rec.Priority {
			t.Errorf("%s: acquisition priority %v not below %v", up, fs[0].rec.Priority, fs[1].rec.Priority)
		}
		if !dependsOn(fs[0], fs[1]) {
			t.Errorf("%s: acquisition does not wait for it", up)
		}
	}
	fs := []finding{
		{rule: &Rule{}, rec: Recommendation{ID: "cac_payback_long", Problem: ProblemAcquisition, Impact: money(260_000), Priority: 260_000}},
		{rule: &Rule{}, rec: Recommendation{ID: "quota", Problem: "quota", Priority: 5}},
		{rule: &Rule{}, rec: Recommendation{ID: "conversion_no_money", Problem: ProblemConversion, Priority: 10}},
	}
	leakyBucket(fs)
	if fs[0].rec.Priority != 260_000 {
		t.Errorf("acquisition moved to %v with nothing upstream that has money", fs[0].rec.Priority)
	}
}
