// Command gendeals writes a synthetic CRM deals export as CSV, for the
// scale benchmarks (docs/BENCHMARKS-scale.md):
//
//	go run ./scripts/gendeals -n 1000000 -out /tmp/deals1m.csv
//
// Deals are created over five years (2021–2025); about a quarter are
// won, a quarter lost and half open, with cycles of 10–99 days, amounts of
// 100–100,099.99 and one deal in 5,000 a re-exported duplicate id. The
// output is deterministic for a given -n and -seed. Large files go to
// /tmp, never into the repository.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of deals")
	out := flag.String("out", "/tmp/deals1m.csv", "output CSV file")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gendeals:", err)
		os.Exit(1)
	}
}

func write(path string, n int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Deal ID,Deal Name,Stage,Amount,Currency,Create Date,Close Date,Owner,Source,Pipeline")
	r := rand.New(rand.NewPCG(seed, 21))
	stages := []string{"Closed Won", "Closed Lost", "Negotiation", "Prospecting"}
	sources := []string{"Web", "Referral", "Outbound", "Partner"}
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		st := stages[r.IntN(4)]
		created := start.AddDate(0, 0, r.IntN(1826))
		closed := ""
		if st == "Closed Won" || st == "Closed Lost" {
			closed = created.AddDate(0, 0, 10+r.IntN(90)).Format("2006-01-02")
		}
		id := i
		if r.IntN(5000) == 0 && i > 0 {
			id = r.IntN(i) // a duplicate id, as re-exports have
		}
		fmt.Fprintf(w, "D%08d,Deal %d,%s,%d.%02d,EUR,%s,%s,Owner %d,%s,Main\n",
			id, i, st, 100+r.IntN(100000), r.IntN(100), created.Format("2006-01-02"), closed, r.IntN(50), sources[r.IntN(4)])
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}
