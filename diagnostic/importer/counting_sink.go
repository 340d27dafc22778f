package importer

import "github.com/revopsdx/revopsdx/diagnostic"

// CountingSink takes a dry run's records without keeping them: a check of
// a file before importing it needs only the importer's summary (counts and
// problems), and N, the number of records it would write.
type CountingSink struct{ N int }

func (c *CountingSink) add() error { c.N++; return nil }

// Deal counts a deal.
func (c *CountingSink) Deal(diagnostic.Deal) error { return c.add() }

// Customer counts a customer.
func (c *CountingSink) Customer(diagnostic.Customer) error { return c.add() }

// Transaction counts a transaction.
func (c *CountingSink) Transaction(diagnostic.Transaction) error { return c.add() }

// Lead counts a lead.
func (c *CountingSink) Lead(diagnostic.Lead) error { return c.add() }

// Observation counts a monthly value.
func (c *CountingSink) Observation(diagnostic.Observation) error { return c.add() }
