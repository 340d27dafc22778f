package usecase

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// DemoName is the name of the demo organisation.
const DemoName = "Demo"

// DemoResult says what EnsureDemo did.
type DemoResult struct {
	Org      store.Org
	Snapshot analysis.Snapshot // the data written, when Created
	Created  bool              // false: it existed and was left as it was
	Replaced bool              // an earlier demo was replaced
}

// EnsureDemo makes sure the organisation named exactly "Demo" exists: with
// recreate it is (re)created from the embedded demo data as of asOf in one
// transaction (a failure leaves the old one); without, an existing demo is
// left as it is. An organisation that is named "Demo" in another case
// belongs to the user and is never touched. The command line and the GUI's
// "open the demo" both call it.
func EnsureDemo(ctx context.Context, s *store.Store, recreate bool, asOf time.Time) (DemoResult, error) {
	old, err := s.FindOrg(ctx, DemoName)
	exists := err == nil
	if err != nil && !errors.Is(err, diagnostic.ErrNotFound) {
		return DemoResult{}, err
	}
	if exists && old.Name != DemoName {
		return DemoResult{}, fmt.Errorf("an organisation named %q already exists and is not the demo; rename it (revopsdx org) before creating the demo: %w",
			old.Name, diagnostic.ErrConflict)
	}
	if exists && !recreate {
		return DemoResult{Org: old}, nil
	}
	snap, err := analysis.LoadDemo(asOf)
	if err != nil {
		return DemoResult{}, fmt.Errorf("building the demo organisation: %w", err)
	}
	snap.Profile.Name = DemoName
	o, err := s.SaveSnapshot(ctx, snap, store.SaveOptions{Replace: true})
	if err != nil {
		return DemoResult{}, fmt.Errorf("creating the demo organisation: %w", err)
	}
	return DemoResult{Org: o, Snapshot: snap, Created: true, Replaced: exists}, nil
}
