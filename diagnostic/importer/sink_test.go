package importer

import "github.com/revopsdx/revopsdx/diagnostic"

// memSink keeps every record it receives.
type memSink struct {
	deals        []diagnostic.Deal
	customers    []diagnostic.Customer
	transactions []diagnostic.Transaction
	leads        []diagnostic.Lead
	observations []diagnostic.Observation
}

func (m *memSink) Deal(d diagnostic.Deal) error { m.deals = append(m.deals, d); return nil }
func (m *memSink) Customer(c diagnostic.Customer) error {
	m.customers = append(m.customers, c)
	return nil
}
func (m *memSink) Transaction(t diagnostic.Transaction) error {
	m.transactions = append(m.transactions, t)
	return nil
}
func (m *memSink) Lead(l diagnostic.Lead) error { m.leads = append(m.leads, l); return nil }
func (m *memSink) Observation(o diagnostic.Observation) error {
	m.observations = append(m.observations, o)
	return nil
}

// countSink counts records without keeping them.
type countSink struct{ n int }

func (c *countSink) Deal(diagnostic.Deal) error               { c.n++; return nil }
func (c *countSink) Customer(diagnostic.Customer) error       { c.n++; return nil }
func (c *countSink) Transaction(diagnostic.Transaction) error { c.n++; return nil }
func (c *countSink) Lead(diagnostic.Lead) error               { c.n++; return nil }
func (c *countSink) Observation(diagnostic.Observation) error { c.n++; return nil }
