package store

import (
	"context"
	"errors"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestComments saves, replaces, reads back and deletes section comments.
func TestComments(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	if err := s.SetComment(ctx, o.ID, "summary", " Primera versión "); err != nil {
		t.Fatal(err)
	}
	if err := s.SetComment(ctx, o.ID, "summary", "Segunda versión 🚀"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetComment(ctx, o.ID, "kpis", "Datos de CRM incompletos."); err != nil {
		t.Fatal(err)
	}
	got, err := s.Comments(ctx, o.ID)
	if err != nil || len(got) != 2 || got["summary"] != "Segunda versión 🚀" || got["kpis"] != "Datos de CRM incompletos." {
		t.Fatalf("comments %v, %v", got, err)
	}
	if err := s.SetComment(ctx, o.ID, "kpis", "  "); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Comments(ctx, o.ID); len(got) != 1 {
		t.Errorf("an empty text should delete the comment: %v", got)
	}
	if err := s.SetComment(ctx, o.ID, "", "x"); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("no section: %v", err)
	}
	if err := s.SetComment(ctx, 999, "summary", "x"); err == nil {
		t.Error("a comment on a missing organisation was saved")
	}
}
