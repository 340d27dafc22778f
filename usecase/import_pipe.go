package usecase

import (
	"sync"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// pipeBatchRows is how many records travel to the writer goroutine at once.
const pipeBatchRows = 512

// pipeBatch is a group of records on their way to the writer, kept by kind
// in typed slices (no closure or boxing per record). A file brings one kind
// of record, so keeping kinds apart does not change the order of writes.
// Batches are recycled once written.
type pipeBatch struct {
	deals        []diagnostic.Deal
	customers    []diagnostic.Customer
	transactions []diagnostic.Transaction
	leads        []diagnostic.Lead
	observations []diagnostic.Observation
	n            int
}

// reset empties the batch, keeping its storage.
func (b *pipeBatch) reset() {
	b.deals, b.customers, b.transactions = b.deals[:0], b.customers[:0], b.transactions[:0]
	b.leads, b.observations, b.n = b.leads[:0], b.observations[:0], 0
}

// writeTo adds every record of the batch through w, stopping at the first
// error.
func (b *pipeBatch) writeTo(w *store.ImportWriter) error {
	if err := writeAll(b.deals, w.AddDeal); err != nil {
		return err
	}
	if err := writeAll(b.customers, w.AddCustomer); err != nil {
		return err
	}
	if err := writeAll(b.transactions, w.AddTransaction); err != nil {
		return err
	}
	if err := writeAll(b.leads, w.AddLead); err != nil {
		return err
	}
	return writeAll(b.observations, w.AddObservation)
}

// writeAll adds records of one kind in order, stopping at the first error.
func writeAll[T any](records []T, add func(T) error) error {
	for _, r := range records {
		if err := add(r); err != nil {
			return err
		}
	}
	return nil
}

// pipeSink is the importer's Sink over the store's import writer, with the
// writing on a goroutine of its own: the importer parses and validates the
// next rows on one core while SQLite inserts the previous ones on the other.
// Only the writer goroutine touches the ImportWriter. The first write error
// stops the pipe; the importer sees it on its next record and stops too.
type pipeSink struct {
	w     *store.ImportWriter
	batch *pipeBatch
	ch    chan *pipeBatch // full batches to the writer
	free  chan *pipeBatch // written batches back to the importer
	done  chan struct{}
	mu    sync.Mutex
	err   error
}

// newPipeSink starts the writer goroutine.
func newPipeSink(w *store.ImportWriter) *pipeSink {
	const inFlight = 4
	p := &pipeSink{w: w, batch: &pipeBatch{}, ch: make(chan *pipeBatch, inFlight), free: make(chan *pipeBatch, inFlight+2), done: make(chan struct{})}
	go p.write()
	return p
}

// write applies batches until the channel closes, keeping the first error
// and draining the rest without writing.
func (p *pipeSink) write() {
	defer close(p.done)
	for b := range p.ch {
		if p.failed() == nil {
			if err := b.writeTo(p.w); err != nil {
				p.mu.Lock()
				p.err = err
				p.mu.Unlock()
			}
		}
		b.reset()
		select {
		case p.free <- b:
		default:
		}
	}
}

func (p *pipeSink) failed() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

// added counts one record put into the current batch and sends the batch
// when it is full, taking a recycled one (or a new one) in its place.
func (p *pipeSink) added() error {
	p.batch.n++
	if p.batch.n < pipeBatchRows {
		return nil
	}
	if err := p.failed(); err != nil {
		return err
	}
	p.ch <- p.batch
	select {
	case p.batch = <-p.free:
	default:
		p.batch = &pipeBatch{}
	}
	return nil
}

// close sends what is left, waits for the writer and returns its first
// error. It must be called exactly once, after the importer returns.
func (p *pipeSink) close() error {
	if p.batch.n > 0 {
		p.ch <- p.batch
		p.batch = nil
	}
	close(p.ch)
	<-p.done
	return p.failed()
}

func (p *pipeSink) Deal(d diagnostic.Deal) error {
	p.batch.deals = append(p.batch.deals, d)
	return p.added()
}

func (p *pipeSink) Customer(c diagnostic.Customer) error {
	p.batch.customers = append(p.batch.customers, c)
	return p.added()
}

func (p *pipeSink) Transaction(t diagnostic.Transaction) error {
	p.batch.transactions = append(p.batch.transactions, t)
	return p.added()
}

func (p *pipeSink) Lead(l diagnostic.Lead) error {
	p.batch.leads = append(p.batch.leads, l)
	return p.added()
}

func (p *pipeSink) Observation(o diagnostic.Observation) error {
	p.batch.observations = append(p.batch.observations, o)
	return p.added()
}
