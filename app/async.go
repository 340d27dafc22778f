package app

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// background runs fetch in a goroutine and hands its result to apply on the
// UI goroutine (through u.post); an error goes to showError instead.
// u.busy counts the goroutines so tests can wait for them (settle).
func background[T any](u *ui, what string, fetch func(ctx context.Context) (T, error), apply func(T)) {
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		v, err := fetch(context.Background())
		u.post(func() {
			if err != nil {
				u.showError(fmt.Errorf("%s: %w", what, err))
				return
			}
			apply(v)
		})
	}()
}

// saver writes changes one after another in its own goroutine, in the
// order they were made, so that the UI never waits on the disk and two
// quick answers to one question are stored in order.
type saver struct {
	mu     sync.Mutex
	closed bool
	jobs   chan func()
	done   chan struct{}
}

func newSaver() *saver {
	s := &saver{jobs: make(chan func(), 1024), done: make(chan struct{})}
	go s.run()
	return s
}

func (s *saver) run() {
	defer close(s.done)
	for f := range s.jobs {
		f()
	}
}

// do queues one write; after close it runs the write at once.
func (s *saver) do(f func()) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		f()
		return
	}
	s.jobs <- f
	s.mu.Unlock()
}

// wait returns when every write queued so far is done.
func (s *saver) wait() {
	ch := make(chan struct{})
	s.do(func() { close(ch) })
	<-ch
}

// close finishes the queued writes and stops the goroutine.
func (s *saver) close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.jobs)
	}
	s.mu.Unlock()
	<-s.done
}

// save queues a write through the store; a failure is shown to the user.
func (u *ui) save(what string, fn func(ctx context.Context) error) {
	u.saver.do(func() {
		if err := fn(context.Background()); err != nil {
			u.post(func() { u.showError(fmt.Errorf("%s: %w", what, err)) })
		}
	})
}

// posted holds UI updates for tests, where fyne.Do would run them on the
// background goroutine at once: settle runs them on the test's goroutine,
// as the real driver runs them on the UI goroutine.
type posted struct {
	mu  sync.Mutex
	fns []func()
}

func (p *posted) add(f func()) {
	p.mu.Lock()
	p.fns = append(p.fns, f)
	p.mu.Unlock()
}

func (p *posted) take() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	fns := p.fns
	p.fns = nil
	return fns
}

// tasks counts the background goroutines, so that tests can wait for
// them while applying their UI updates.
type tasks struct{ n atomic.Int64 }

// Add counts d more goroutines.
func (t *tasks) Add(d int) { t.n.Add(int64(d)) }

// Done counts one goroutine less.
func (t *tasks) Done() { t.n.Add(-1) }

func (t *tasks) running() bool { return t.n.Load() > 0 }

// runQueued applies the UI updates posted so far (tests) and reports
// whether there were any.
func (u *ui) runQueued() bool {
	fns := u.queued.take()
	for _, f := range fns {
		f()
	}
	return len(fns) > 0
}

// settle waits for every background goroutine and queued write, applying
// their UI updates as they come, until nothing is left (tests). A
// goroutine waiting for the user (a dialog) would keep it waiting: use
// settleUntil then.
func (u *ui) settle() {
	for {
		for u.busy.running() {
			if !u.runQueued() {
				time.Sleep(time.Millisecond)
			}
		}
		u.saver.wait()
		if !u.runQueued() && !u.busy.running() {
			return
		}
	}
}

// settleUntil applies UI updates until cond holds, for at most timeout;
// it reports whether cond held (tests).
func (u *ui) settleUntil(cond func() bool, timeout time.Duration) bool {
	end := time.Now().Add(timeout)
	for time.Now().Before(end) {
		u.runQueued()
		if cond() {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}
