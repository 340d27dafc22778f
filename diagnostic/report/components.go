package report

import (
	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
)

// probe is an invisible component that captures the provider and the
// content cell maroto measures rows with, so the report can measure a row
// before adding it (to keep headings with what follows and repeat table
// headers). It has no height and draws nothing.
type probe struct {
	provider core.Provider
	cell     entity.Cell
}

// GetStructure describes the probe for maroto's structure dump.
func (p *probe) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "probe"})
}

// SetConfig does nothing: the probe has no properties.
func (p *probe) SetConfig(*entity.Config) {}

// GetHeight records the provider and cell and takes no space.
func (p *probe) GetHeight(provider core.Provider, cell *entity.Cell) float64 {
	p.provider, p.cell = provider, *cell
	return 0
}

// Render draws nothing.
func (p *probe) Render(core.Provider, *entity.Cell) {}

// stack lays components out one below the other inside one cell, so a cell
// can hold, for example, a value and a smaller source line.
type stack struct {
	items []core.Component
}

// GetStructure describes the stack and its items.
func (s *stack) GetStructure() *node.Node[core.Structure] {
	n := node.New(core.Structure{Type: "stack"})
	for _, it := range s.items {
		n.AddNext(it.GetStructure())
	}
	return n
}

// SetConfig passes the configuration to every item.
func (s *stack) SetConfig(c *entity.Config) {
	for _, it := range s.items {
		it.SetConfig(c)
	}
}

// GetHeight is the sum of the items' heights.
func (s *stack) GetHeight(provider core.Provider, cell *entity.Cell) float64 {
	var h float64
	for _, it := range s.items {
		h += it.GetHeight(provider, cell)
	}
	return h
}

// Render draws each item below the previous one.
func (s *stack) Render(provider core.Provider, cell *entity.Cell) {
	c := *cell
	for _, it := range s.items {
		h := it.GetHeight(provider, &c)
		it.Render(provider, &c)
		c.Y += h
		c.Height -= h
	}
}
