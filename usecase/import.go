package usecase

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// ImportIntoStore imports one file into an organisation, all or nothing: the
// importer streams its records into one store transaction, which commits
// only when the whole file (or, with SkipInvalid, every valid row) was
// written, and rolls back on any problem or cancellation. A file already
// imported (same SHA-256) is refused unless replace is set. When the user
// gave no column mapping, the one confirmed earlier for the same header
// layout is reused; a mapping the user gives is saved for next time. The
// command line and the GUI's import wizard both call it.
func ImportIntoStore(ctx context.Context, s *store.Store, orgID int64, file string, opts importer.Options, replace bool) (importer.Summary, error) {
	return ImportIntoStoreAsOf(ctx, s, orgID, file, opts, replace, time.Time{})
}

// ImportIntoStoreAsOf is ImportIntoStore with the date a deals export shows
// the pipeline on: each deals file is kept as a dated snapshot (see
// snapshotOf); asOf zero means a date found in the file name, else today.
// Other kinds of file ignore asOf.
func ImportIntoStoreAsOf(ctx context.Context, s *store.Store, orgID int64, file string, opts importer.Options, replace bool, asOf time.Time) (importer.Summary, error) {
	if opts.Rule == nil {
		opts.Rule = catalogueRule()
	}
	userMapped := len(opts.Map) > 0
	d, err := importer.DetectWith(file, opts)
	var me *importer.MappingError
	if err != nil && (userMapped || !errors.As(err, &me) || len(d.Columns) == 0) {
		return importer.Summary{Detection: d}, err
	}
	kind, kerr := storeKind(d.Kind)
	if kerr != nil {
		if err != nil {
			return importer.Summary{Detection: d}, err
		}
		return importer.Summary{Detection: d}, kerr
	}
	headers := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		headers[i] = c.Header
	}
	if !userMapped {
		saved, ferr := s.FindMapping(ctx, orgID, kind, headers)
		switch {
		case ferr == nil && len(saved.Fields) > 0:
			opts.Map = map[string]string{}
			for field, col := range saved.Fields {
				opts.Map[col] = field
			}
			d, err = importer.DetectWith(file, opts)
		case ferr != nil && !errors.Is(ferr, diagnostic.ErrNotFound):
			return importer.Summary{Detection: d}, ferr
		}
		if err != nil {
			return importer.Summary{Detection: d}, err
		}
	}

	defer collectLess()()
	var sum importer.Summary
	rec := store.ImportRecord{FileName: filepath.Base(file), SHA256: d.SHA256, Kind: kind, Mapping: d.Mapping, Replace: replace}
	if kind == store.KindDeals {
		rec.AsOf, rec.MatchKey = snapshotOf(file, d.Mapping, asOf)
	}
	rec, err = s.Import(ctx, orgID, rec, func(w *store.ImportWriter) error {
		opts.Source = diagnostic.Source(fmt.Sprintf("import:%d", w.ID()))
		sink := newPipeSink(w)
		var ierr error
		sum, ierr = importer.Import(ctx, file, opts, sink)
		if werr := sink.close(); ierr == nil {
			ierr = werr
		}
		w.Reject(sum.RowsRejected)
		return ierr
	})
	if err != nil {
		if sum.File == "" {
			sum.Detection = d
		}
		sum.NothingImported() // the transaction rolled back
		return sum, err
	}
	sum.Warnings = append(sum.Warnings, snapshotWarnings(rec)...)
	if userMapped {
		m := store.Mapping{Kind: kind, Headers: headers, Fields: sum.Mapping}
		if err := s.SaveMapping(ctx, orgID, m); err != nil {
			return sum, fmt.Errorf("%s was imported, but saving its column mapping failed: %w", filepath.Base(file), err)
		}
	}
	return sum, nil
}

// storeKind maps the importer's shapes to the store's import kinds.
func storeKind(k importer.Kind) (string, error) {
	switch k {
	case importer.KPIs:
		return store.KindKPITable, nil
	case importer.Deals:
		return store.KindDeals, nil
	case importer.Customers:
		return store.KindCustomers, nil
	case importer.Transactions:
		return store.KindTransactions, nil
	case importer.Leads:
		return store.KindLeads, nil
	}
	return "", fmt.Errorf("cannot store an import of kind %q: %w", k, diagnostic.ErrInvalid)
}

// catalogueRule returns how each metric's daily or weekly values combine
// into a month, from the KPI catalogue (sum for flows, last for stocks…),
// falling back to the importer's defaults for metrics it does not know.
func catalogueRule() func(string) importer.Rule {
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return importer.DefaultRule
	}
	return func(metric string) importer.Rule {
		agg := kpi.Aggregation("")
		if in, ok := cat.Input(metric); ok {
			agg = in.Aggregation
		} else if def, ok := cat.Def(metric); ok {
			agg = def.Aggregation
		}
		switch agg {
		case kpi.AggSum:
			return importer.RuleSum
		case kpi.AggLast:
			return importer.RuleLast
		case kpi.AggFirst:
			return importer.RuleFirst
		case kpi.AggMean:
			return importer.RuleMean
		}
		return importer.DefaultRule(metric)
	}
}
