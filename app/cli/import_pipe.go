package cli

import (
	"sync"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// pipeBatch is how many records travel to the writer goroutine at once.
const pipeBatch = 512

// pipeSink is the importer's Sink over the store's import writer, with the
// writing on a goroutine of its own: the importer parses and validates the
// next rows on one core while SQLite inserts the previous ones on the other.
// Only the writer goroutine touches the ImportWriter. The first write error
// stops the pipe; the importer sees it on its next record and stops too.
type pipeSink struct {
	w     *store.ImportWriter
	batch []func(*store.ImportWriter) error
	ch    chan []func(*store.ImportWriter) error
	done  chan struct{}
	mu    sync.Mutex
	err   error
}

// newPipeSink starts the writer goroutine.
func newPipeSink(w *store.ImportWriter) *pipeSink {
	p := &pipeSink{w: w, ch: make(chan []func(*store.ImportWriter) error, 4), done: make(chan struct{})}
	go p.write()
	return p
}

// write applies batches until the channel closes, keeping the first error
// and draining the rest without writing.
func (p *pipeSink) write() {
	defer close(p.done)
	for batch := range p.ch {
		if p.failed() != nil {
			continue
		}
		for _, add := range batch {
			if err := add(p.w); err != nil {
				p.mu.Lock()
				p.err = err
				p.mu.Unlock()
				break
			}
		}
	}
}

func (p *pipeSink) failed() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

// put queues one record's write.
func (p *pipeSink) put(add func(*store.ImportWriter) error) error {
	if err := p.failed(); err != nil {
		return err
	}
	p.batch = append(p.batch, add)
	if len(p.batch) == pipeBatch {
		p.ch <- p.batch
		p.batch = make([]func(*store.ImportWriter) error, 0, pipeBatch)
	}
	return nil
}

// close sends what is left, waits for the writer and returns its first
// error. It must be called exactly once, after the importer returns.
func (p *pipeSink) close() error {
	if len(p.batch) > 0 {
		p.ch <- p.batch
		p.batch = nil
	}
	close(p.ch)
	<-p.done
	return p.failed()
}

func (p *pipeSink) Deal(d diagnostic.Deal) error {
	return p.put(func(w *store.ImportWriter) error { return w.AddDeal(d) })
}

func (p *pipeSink) Customer(c diagnostic.Customer) error {
	return p.put(func(w *store.ImportWriter) error { return w.AddCustomer(c) })
}

func (p *pipeSink) Transaction(t diagnostic.Transaction) error {
	return p.put(func(w *store.ImportWriter) error { return w.AddTransaction(t) })
}

func (p *pipeSink) Lead(l diagnostic.Lead) error {
	return p.put(func(w *store.ImportWriter) error { return w.AddLead(l) })
}

func (p *pipeSink) Observation(o diagnostic.Observation) error {
	return p.put(func(w *store.ImportWriter) error { return w.AddObservation(o) })
}
