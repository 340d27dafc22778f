package app

import (
	"context"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
)

// background runs fetch in a goroutine and hands its result to apply on the
// UI goroutine (through fyne.Do); an error goes to showError instead. u.busy
// counts the goroutines so tests can wait for them (settle).
func background[T any](u *ui, what string, fetch func(ctx context.Context) (T, error), apply func(T)) {
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		v, err := fetch(context.Background())
		fyne.Do(func() {
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
	jobs chan func()
	once sync.Once
	done chan struct{}
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

// do queues one write.
func (s *saver) do(f func()) { s.jobs <- f }

// wait returns when every write queued so far is done.
func (s *saver) wait() {
	ch := make(chan struct{})
	s.jobs <- func() { close(ch) }
	<-ch
}

// close finishes the queued writes and stops the goroutine.
func (s *saver) close() {
	s.once.Do(func() { close(s.jobs); <-s.done })
}

// save queues a write through the store; a failure is shown to the user.
func (u *ui) save(what string, fn func(ctx context.Context) error) {
	u.saver.do(func() {
		if err := fn(context.Background()); err != nil {
			fyne.Do(func() { u.showError(fmt.Errorf("%s: %w", what, err)) })
		}
	})
}

// settle waits for every background load and queued write (tests).
func (u *ui) settle() {
	u.busy.Wait()
	u.saver.wait()
	u.busy.Wait()
}
