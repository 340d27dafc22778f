package app

import (
	"context"
	"fmt"
	"sync"
)

// background runs fetch in a goroutine and hands its result to apply on the
// UI goroutine (through fyne.Do); an error goes to showError instead. u.busy
// counts the goroutines so tests can wait for them (settle).
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

// settle waits for every background load and queued write and applies
// their UI updates, until nothing is left (tests).
func (u *ui) settle() {
	for {
		u.busy.Wait()
		u.saver.wait()
		fns := u.queued.take()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}
