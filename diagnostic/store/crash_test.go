package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

const crashEnv = "REVOPSDX_CRASH_CHILD_DB"

// TestCrashChild is the child process of TestCrashSafety: it writes answers
// and KPI values in a loop until it is killed, printing one line per write
// after the write committed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process of TestCrashSafety; runs only when re-executed by it")
	}
	round, _ := strconv.Atoi(os.Getenv("REVOPSDX_CRASH_ROUND"))
	pause := os.Getenv("REVOPSDX_CRASH_PAUSE") != ""
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	o, err := s.FindOrg(ctx, "Crash")
	if err != nil {
		o, err = s.CreateOrg(ctx, diagnostic.Profile{Name: "Crash", Currency: "EUR", Language: "es"})
		if errors.Is(err, diagnostic.ErrConflict) { // another child was first
			o, err = s.FindOrg(ctx, "Crash")
		}
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
	}
	a, err := s.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es",
		Respondents: []diagnostic.Respondent{{Name: "R", Department: diagnostic.DeptSales}}})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	rid := a.Respondents[0].ID
	start := diagnostic.Month{Year: 2000, Month: time.January}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "READY")
	out.Flush()
	for n := 0; ; n++ {
		if n%2 == 0 {
			q, v := fmt.Sprintf("r%d_q%d", round, n), n%6
			if err := s.SetAnswer(ctx, rid, q, diagnostic.Answer{Value: v}); err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			fmt.Fprintf(out, "A %d %s %d\n", rid, q, v)
		} else {
			m := fmt.Sprintf("crash_r%d", round)
			if err := s.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: m, Month: start.Add(n), Value: float64(n)}); err != nil {
				fmt.Println("ERR", err)
				os.Exit(3)
			}
			fmt.Fprintf(out, "O %d %s %s %d\n", o.ID, m, start.Add(n), n)
		}
		out.Flush() // reported only once committed
		if pause {
			time.Sleep(2 * time.Millisecond) // leave the other process a turn
		}
	}
}

// TestCrashSafety kills a writing child process with SIGKILL at a random
// moment, 50 times, and checks after each kill that the database opens,
// passes integrity_check and holds every write the child reported as
// committed.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	const rounds = 50
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	started := time.Now()
	total := 0
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path, fmt.Sprintf("REVOPSDX_CRASH_ROUND=%d", round))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill at a random moment: one round in five 0–150 ms after start
		// (start-up, opening, migration), the others 0–60 ms after the child
		// reports it is ready, in the middle of its writes.
		ready := make(chan struct{})
		lines := make(chan []string, 1)
		go func() {
			var got []string
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if sc.Text() == "READY" {
					close(ready)
					continue
				}
				got = append(got, sc.Text())
			}
			lines <- got
		}()
		if round%5 == 0 {
			time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		} else {
			select {
			case <-ready:
			case <-time.After(5 * time.Second):
			}
			time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		reported := <-lines
		cmd.Wait()
		total += len(reported)
		verifyCrash(t, path, round, reported)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d rounds, %d committed writes checked, %v", rounds, total, time.Since(started).Round(time.Millisecond))
}

// TestTwoProcesses runs two writing children on one database at once
// (each pausing 2 ms between writes, as autosave does between keystrokes:
// two tight loops would starve one of them until busy_timeout), kills both,
// and checks the file and every write either reported.
func TestTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test skipped in -short mode")
	}
	path := filepath.Join(t.TempDir(), "two.db")
	var cmds []*exec.Cmd
	var outs []chan []string
	var firsts []chan struct{}
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path, fmt.Sprintf("REVOPSDX_CRASH_ROUND=%d", 1000+i), "REVOPSDX_CRASH_PAUSE=1")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ch := make(chan []string, 1)
		first := make(chan struct{})
		go func() {
			var got []string
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				if sc.Text() != "READY" {
					if got = append(got, sc.Text()); len(got) == 3 {
						close(first)
					}
				}
			}
			if len(got) < 3 { // the child ended early: no need to wait
				close(first)
			}
			ch <- got
		}()
		cmds, outs, firsts = append(cmds, cmd), append(outs, ch), append(firsts, first)
	}
	// Both children must have committed writes (three each, so that their
	// writes interleave) before the kill: wait for them, however loaded the
	// machine (a fixed 1.5 s sleep failed on a busy 2-core machine).
	for i, first := range firsts {
		select {
		case <-first:
		case <-time.After(2 * time.Minute):
			t.Errorf("child %d reported no write in 2 minutes", i)
		}
	}
	var all []string
	var counts []int
	for i, cmd := range cmds {
		cmd.Process.Signal(syscall.SIGKILL)
		got := <-outs[i]
		cmd.Wait()
		if len(got) == 0 {
			t.Errorf("child %d reported no write", i)
		}
		all, counts = append(all, got...), append(counts, len(got))
	}
	verifyCrash(t, path, 0, all)
	t.Logf("writes by the two processes checked: %v", counts)
}

func verifyCrash(t *testing.T, path string, round int, reported []string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("round %d: opening after SIGKILL: %v", round, err)
	}
	defer s.Close()
	var check string
	if err := s.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, check, err)
	}
	for _, line := range reported {
		f := strings.Fields(line)
		if f[0] == "ERR" {
			t.Fatalf("round %d: child failed: %s", round, line)
		}
		var got int
		var err error
		switch f[0] {
		case "A":
			err = s.r.QueryRowContext(ctx, `SELECT value FROM answers WHERE respondent_id = ? AND question = ?`, f[1], f[2]).Scan(&got)
		case "O":
			var v float64
			err = s.r.QueryRowContext(ctx, `SELECT value FROM observations WHERE org_id = ? AND metric = ? AND period = ?`, f[1], f[2], f[3]).Scan(&v)
			got = int(v)
		}
		if want, _ := strconv.Atoi(f[len(f)-1]); err != nil || got != want {
			t.Fatalf("round %d: committed write %q lost: got %d, %v", round, line, got, err)
		}
	}
}
