package app

import (
	"context"
	"errors"
	"fmt"
	"github.com/revopsdx/revopsdx/usecase"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// The pages of the import wizard.
const (
	wizPreview    = iota // preview of the first rows and the detected settings
	wizMapping           // one dropdown per field, choosing a column
	wizChecking          // the dry run: progress bar and Cancel
	wizValidation        // rows read and valid, the problems; import all or the valid rows
	wizRunning           // the import: progress bar and Cancel
	wizSummary           // what was imported, or why nothing was
)

// wizSteps is how many steps the wizard tells the user about: preview,
// mapping, validation (checking and its result) and import (running and
// its summary).
const wizSteps = 4

// importWizard takes one file from the file dialog to the store: preview
// and detected settings, column mapping, a validation of every row that
// writes nothing (a dry run with the rows read, the valid ones and the
// problems), the import itself (in a goroutine, with progress and Cancel)
// and a summary. Nothing is written unless the import finishes: the whole
// file, or the valid rows when the user chose to skip the others.
type importWizard struct {
	s      *kpiScreen
	path   string
	kind   importer.Kind // "" = detect
	sheet  string
	order  string // "dmy" or "mdy"
	det    importer.Detection
	detErr error
	fields []string
	choice map[string]string // field → column header ("" = none)

	page     int
	body     *fyne.Container
	progress *widget.ProgressBar
	cancel   context.CancelFunc
	sum      importer.Summary
	err      error
	check    importer.Summary // the dry run's counts and problems
	checkErr error            // why the dry run stopped (file, mapping, cancel)
	skip     bool             // import the valid rows, skipping the others
}

// onImport asks for a file to import into the organisation.
func (s *kpiScreen) onImport() {
	s.u.chooseFileToOpen([]string{".csv", ".txt", ".tsv", ".xlsx"}, s.startImport)
}

// startImport opens the wizard on a file, in place of the KPI screen.
func (s *kpiScreen) startImport(path string) {
	w := &importWizard{s: s, path: path, order: "dmy", body: container.NewStack(widget.NewProgressBarInfinite())}
	s.wizard = w
	s.set(w.body)
	w.detect()
}

// detect reads the file's shape and formats in the background.
func (w *importWizard) detect() {
	opts := importer.Options{Kind: w.kind, Sheet: w.sheet, DateOrder: w.order}
	path := w.path
	u := w.s.u
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		d, err := importer.DetectWith(path, opts)
		u.post(func() { w.applyDetection(d, err) })
	}()
}

func (w *importWizard) applyDetection(d importer.Detection, err error) {
	w.det, w.detErr = d, err
	w.choice = map[string]string{}
	for field, col := range d.Mapping {
		w.choice[field] = col
	}
	w.fields = nil
	if d.Kind != "" {
		fs, ferr := importFields(d.Kind)
		if ferr != nil {
			w.s.u.showError(ferr)
		}
		w.fields = fs
		if d.Kind == importer.KPIs && d.Layout == "wide" {
			w.fields = []string{"period"}
		}
		var extra []string
		for field := range d.Mapping {
			if !slices.Contains(w.fields, field) {
				extra = append(extra, field)
			}
		}
		slices.Sort(extra)
		w.fields = append(w.fields, extra...)
	}
	w.show(wizPreview)
}

// show replaces the wizard's page.
func (w *importWizard) show(page int) {
	w.page = page
	var o fyne.CanvasObject
	switch page {
	case wizPreview:
		o = w.previewPage()
	case wizMapping:
		o = w.mappingPage()
	case wizChecking:
		o = w.checkingPage()
	case wizValidation:
		o = w.validationPage()
	case wizRunning:
		o = w.runningPage()
	default:
		o = w.summaryPage()
	}
	title := heading(tr("import.title", map[string]any{"File": filepath.Base(w.path)}))
	step := wrapped(tr("import.step", map[string]any{"N": wizStep(page), "Of": wizSteps}))
	w.body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(title, step), nil, nil, nil, o)}
	w.body.Refresh()
}

// wizStep is the step a page belongs to, from 1 to wizSteps.
func wizStep(page int) int {
	switch page {
	case wizPreview:
		return 1
	case wizMapping:
		return 2
	case wizChecking, wizValidation:
		return 3
	}
	return 4
}

// close leaves the wizard for the KPI screen, reloaded.
func (w *importWizard) close() {
	w.s.wizard = nil
	w.s.reload()
}

func (w *importWizard) onCancelWizard() { w.close() }
func (w *importWizard) onNext()         { w.show(wizMapping) }
func (w *importWizard) onBack()         { w.show(wizPreview) }

// buildMap turns the dropdowns into the importer's column → field map:
// every column either feeds the field that chose it or is ignored ("-").
func (w *importWizard) buildMap() (map[string]string, error) {
	m := map[string]string{}
	for _, c := range w.det.Columns {
		m[c.Header] = "-"
	}
	for _, f := range w.fields {
		col := w.choice[f]
		if col == "" {
			continue
		}
		if m[col] != "-" {
			return nil, fmt.Errorf("%s", tr("import.map.twice", map[string]any{"Column": col}))
		}
		m[col] = f
	}
	return m, nil
}

// onRun starts the import of the whole file in a goroutine: progress
// reaches the bar through the UI goroutine, Cancel cancels the context,
// and the store keeps nothing unless the whole file imports.
func (w *importWizard) onRun() { w.skip = false; w.run(false) }

// onRunValid imports the rows the validation found valid and skips the
// others (importer.Options.SkipInvalid).
func (w *importWizard) onRunValid() { w.skip = true; w.run(false) }

// onReplace imports the file again over the earlier import of it, with
// the same choice of skipping the invalid rows.
func (w *importWizard) onReplace() { w.run(true) }

func (w *importWizard) run(replace bool) {
	m, err := w.buildMap()
	if err != nil {
		dialog.ShowError(err, w.s.u.win)
		return
	}
	db, ok := w.s.u.db.(*store.Store)
	if !ok {
		w.s.u.showError(fmt.Errorf("importing needs the SQLite store: %w", diagnostic.ErrInvalid))
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	w.show(wizRunning)
	u, org, path := w.s.u, w.s.org.ID, w.path
	opts := importer.Options{Kind: w.det.Kind, Sheet: w.det.Sheet, DateOrder: w.order, Map: m, SkipInvalid: w.skip,
		Progress: func(p importer.Progress) { u.post(func() { w.onProgress(p) }) }}
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		defer cancel()
		u.saver.wait()
		sum, err := usecase.ImportIntoStore(ctx, db, org, path, opts, replace)
		u.post(func() { w.finish(sum, err) })
	}()
}

// onProgress moves the bar: bytes (or sheet rows) read of the total.
func (w *importWizard) onProgress(p importer.Progress) {
	if (w.page != wizRunning && w.page != wizChecking) || w.progress == nil || p.Total <= 0 {
		return
	}
	w.progress.SetValue(min(1, float64(p.Read)/float64(p.Total)))
}

func (w *importWizard) onStop() {
	if w.cancel != nil {
		w.cancel()
	}
}

func (w *importWizard) finish(sum importer.Summary, err error) {
	w.sum, w.err = sum, err
	w.show(wizSummary)
}

// newProgress is a progress bar whose percentage is written in the
// interface language ("45 %" in Spanish).
func (w *importWizard) newProgress() *widget.ProgressBar {
	bar := widget.NewProgressBar()
	l := w.s.u.lang()
	bar.TextFormatter = func() string { return l.Percent(bar.Value, 0) }
	return bar
}

// runningPage is the progress bar with Cancel.
func (w *importWizard) runningPage() fyne.CanvasObject {
	w.progress = w.newProgress()
	stop := widget.NewButtonWithIcon(tr("action.cancel"), theme.CancelIcon(), w.onStop)
	return container.NewVBox(wrapped(tr("import.running")), w.progress, container.NewHBox(stop))
}

// errorText is an import error in the interface language.
func (w *importWizard) errorText(err error) string {
	l := w.s.u.lang()
	var fe *importer.FileError
	var me *importer.MappingError
	var pe *importer.ProblemsError
	switch {
	case errors.Is(err, context.Canceled):
		return tr("import.cancelled")
	case errors.As(err, &fe):
		return fe.Text(l)
	case errors.As(err, &me):
		return me.Text(l)
	case errors.As(err, &pe):
		return countN(l, pe.Count, "import.problems.one", "import.problems.other")
	case errors.Is(err, diagnostic.ErrConflict):
		return tr("import.conflict")
	}
	return userMessage(err)
}

var errConflict = diagnostic.ErrConflict

// filepath0 is a file's base name, as problems are reported.
func filepath0(p string) string { return filepath.Base(p) }
