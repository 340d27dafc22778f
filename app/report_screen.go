package app

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// reportScreen chooses the report's language, paper, sections and
// branding and saves the PDF; it also saves any chart as PNG or SVG.
type reportScreen struct {
	u        *ui
	org      store.Org
	settings store.Settings

	lang     *widget.Select
	paper    *widget.Select
	sections *widget.CheckGroup
	status   *widget.Label
	progress *widget.ProgressBarInfinite
	save     *widget.Button
	saveDOCX *widget.Button // the same report as an editable Word document
	stop     *widget.Button
	open     *widget.Button
	cancel   context.CancelFunc
	saved    string          // the last PDF written
	brand    *fyne.Container // consultant name and logo, from the settings
	root     *fyne.Container // the screen's column

	a        *analysis.Analysis // in the interface language, for "save a chart"
	charts   *widget.Select
	chartIDs []string
	comments *commentEditor // the consultant's comment on each section
}

// reportView builds the report screen; the settings (branding) and the
// analysis for the chart list load in the background.
func (u *ui) reportView() fyne.CanvasObject {
	if u.db == nil {
		return u.noDatabase()
	}
	if u.sess.org.ID == 0 {
		return container.NewVBox(heading(tr("nav.report")), u.noOrg())
	}
	s := &reportScreen{u: u, org: u.sess.org}
	u.report = s
	o := s.build()
	db, id, l := u.db, s.org.ID, u.lang()
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		u.saver.wait()
		st, err := db.Settings(context.Background())
		var a *analysis.Analysis
		var comments map[string]string
		if err == nil {
			comments, err = db.Comments(context.Background(), id)
		}
		if err == nil {
			a, err = analyseOrg(context.Background(), db, id, l, time.Now())
		}
		u.post(func() { s.apply(st, comments, a, err) })
	}()
	return o
}

// langNames are the report languages, each named in its own language.
func langNames() []string {
	out := make([]string, len(locale.Langs()))
	for i, l := range locale.Langs() {
		out[i] = l.Name()
	}
	return out
}

var papers = []report.Paper{report.A4, report.Letter}

func (s *reportScreen) build() fyne.CanvasObject {
	s.lang = widget.NewSelect(langNames(), s.onLang)
	lang := s.org.Language
	if !lang.Valid() {
		lang = s.u.lang()
	}
	s.paper = widget.NewSelect([]string{tr("report.paper.a4"), tr("report.paper.letter")}, nil)
	s.lang.SetSelectedIndex(slices.Index(locale.Langs(), lang))
	names := make([]string, len(report.Sections()))
	for i, id := range report.Sections() {
		names[i] = tr("report.section." + id)
	}
	s.sections = widget.NewCheckGroup(names, nil)
	s.sections.SetSelected(names)
	s.status = statusLabel()
	s.status.Importance = widget.MediumImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.save = widget.NewButtonWithIcon(tr("report.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.saveDOCX = widget.NewButtonWithIcon(tr("report.save.docx"), theme.DocumentSaveIcon(), s.onSaveDOCX)
	s.stop = widget.NewButtonWithIcon(tr("action.cancel"), theme.CancelIcon(), s.onStop)
	s.stop.Hide()
	s.open = widget.NewButtonWithIcon(tr("report.open"), theme.FolderOpenIcon(), s.onOpenFolder)
	s.open.Hide()
	s.charts = widget.NewSelect(nil, nil)
	s.charts.PlaceHolder = tr("report.charts.loading")
	chartSave := widget.NewButtonWithIcon(tr("chart.save"), theme.DownloadIcon(), s.onSaveChart)

	form := widget.NewForm(
		widget.NewFormItem(tr("report.language"), s.lang),
		widget.NewFormItem(tr("report.paper"), s.paper),
		widget.NewFormItem(tr("report.sections"), s.sections),
		widget.NewFormItem(tr("report.branding"), s.brandingBox()),
	)
	s.root = container.NewVBox(
		heading(tr("report.title", map[string]any{"Org": s.org.Name})),
		wrapped(tr("report.intro")), form,
		container.NewHBox(s.save, s.saveDOCX, s.stop, s.open), s.progress, s.status,
		widget.NewSeparator(),
		s.commentsBox(),
		widget.NewSeparator(),
		subheading(tr("report.charts")), wrapped(tr("report.charts.help")),
		container.NewBorder(nil, nil, nil, chartSave, s.charts),
	)
	return container.NewVScroll(s.root)
}

// brandingBox is filled when the settings arrive.
func (s *reportScreen) brandingBox() *fyne.Container {
	s.brand = container.NewVBox(wrapped(tr("report.branding.loading")))
	return s.brand
}

func (s *reportScreen) onLang(string) {
	if s.paper == nil {
		return
	}
	// Spanish reports on A4, English on Letter, unless the user changes it.
	s.paper.SetSelectedIndex(slices.Index(papers, report.Paper(s.chosenLang().Pick(string(report.A4), string(report.Letter)))))
}

func (s *reportScreen) chosenLang() locale.Lang {
	if i := s.lang.SelectedIndex(); i >= 0 {
		return locale.Langs()[i]
	}
	return s.u.lang()
}

// apply shows the branding from the settings and the list of charts.
func (s *reportScreen) apply(st store.Settings, comments map[string]string, a *analysis.Analysis, err error) {
	if err != nil {
		setStatus(s.status, userMessage(err))
		s.u.showError(err)
		return
	}
	s.settings, s.a = st, a
	s.comments.set(comments)
	brand := s.brandText()
	goSettings := widget.NewButtonWithIcon(tr("report.branding.change"), theme.SettingsIcon(), func() { s.u.goTo(screenSettings) })
	s.brand.Objects = []fyne.CanvasObject{wrapped(brand), container.NewHBox(goSettings)}
	s.root.Refresh()
	s.chartIDs = []string{"radar", "pillars", "alignment", "funnel"}
	names := []string{tr("report.chart.radar"), tr("report.chart.pillars"), tr("report.chart.alignment"), tr("report.chart.funnel")}
	if a.Snapshot.Slippage != nil { // two deals snapshots or more: their movement
		s.chartIDs = append(s.chartIDs, "waterfall")
		names = append(names, tr("report.chart.waterfall"))
	}
	for _, id := range a.PlanKPIs() {
		if r, ok := a.Latest(id); ok && r.Value != nil {
			s.chartIDs = append(s.chartIDs, "trend:"+id)
			names = append(names, tr("report.chart.trend", map[string]any{"KPI": a.KPIName(id)}))
		}
	}
	s.charts.Options = names
	s.charts.PlaceHolder = tr("report.charts.choose")
	s.charts.Refresh()
}

// brandText says whose name and logo go on the cover.
func (s *reportScreen) brandText() string {
	name := strings.TrimSpace(s.settings.ConsultantName)
	logo := tr("report.branding.nologo")
	if len(s.settings.Logo) > 0 {
		logo = tr("report.branding.logo")
	}
	if name == "" {
		return tr("report.branding.noname") + " · " + logo
	}
	return tr("report.branding.name", map[string]any{"Name": name}) + " · " + logo
}

// options are the report options chosen on screen.
func (s *reportScreen) options() report.Options {
	o := report.Options{Lang: s.chosenLang()}
	if i := s.paper.SelectedIndex(); i >= 0 {
		o.Paper = papers[i]
	}
	for i, id := range report.Sections() {
		if slices.Contains(s.sections.Selected, tr("report.section."+report.Sections()[i])) {
			o.Sections = append(o.Sections, id)
		}
	}
	return o
}

// onSave asks where to save the PDF, then writes it.
func (s *reportScreen) onSave() { s.saveAs(".pdf") }

// onSaveDOCX asks where to save the Word document (the same report,
// editable), then writes it.
func (s *reportScreen) onSaveDOCX() { s.saveAs(".docx") }

// saveAs asks where to save the report with extension ext (.pdf or
// .docx), then writes it.
func (s *reportScreen) saveAs(ext string) {
	o := s.options()
	if len(o.Sections) == 0 {
		dialog.ShowInformation(tr("report.title.short"), tr("report.nosections"), s.u.win)
		return
	}
	name := strings.TrimSuffix(reportFileName(s.org.Name, o.Lang), ".pdf") + ext
	s.u.chooseFileToSave(name, []string{ext}, func(path string) {
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		s.write(path)
	})
}

// reportFileName is the suggested name: "Informe RevOps - Acme.pdf".
func reportFileName(org string, l locale.Lang) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, org)
	return l.Pick("Informe RevOps - ", "RevOps report - ") + clean + ".pdf"
}

// write renders the report to path in a goroutine: analysis in the
// report's language, charts, PDF. Progress and errors reach the screen
// through the UI goroutine; Cancel stops it between steps.
func (s *reportScreen) write(path string) {
	o := s.options()
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.save.Disable()
	s.saveDOCX.Disable()
	s.stop.Show()
	s.open.Hide()
	s.progress.Show()
	s.progress.Start()
	setStatus(s.status, tr("report.step.analyse"))
	u, db, id := s.u, s.u.db, s.org.ID
	step := func(key string) { u.post(func() { setStatus(s.status, tr(key)) }) }
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		defer cancel()
		u.saver.wait() // a comment or decision just saved prints too
		err := renderReport(ctx, db, id, o, path, step)
		u.post(func() { s.finish(path, err) })
	}()
}

// reportStore is what the report needs from the database: the snapshot
// to analyse and what usecase.ReportData reads (settings, decisions,
// comments, deals snapshots).
type reportStore interface {
	snapshotStore
	usecase.ReportDataStore
}

// renderReport is the whole path from the store to the PDF file, with the
// consultant's decisions and comments as the report command prints them
// (usecase.ReportData).
func renderReport(ctx context.Context, db reportStore, orgID int64, o report.Options, path string, step func(string)) error {
	now := time.Now()
	a, err := analyseOrg(ctx, db, orgID, o.Lang, now)
	if err != nil {
		return err
	}
	step("report.step.charts")
	docx := strings.EqualFold(filepath.Ext(path), ".docx")
	format := report.ChartSVG
	if docx {
		format = report.ChartPNG // Word takes images
	}
	data, err := usecase.ReportData(ctx, db, orgID, a, now, format, func(m *report.Meta) { m.Paper = o.Paper })
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	write := report.WriteFile
	if docx {
		step("report.step.docx")
		write = report.WriteDOCXFile
	} else {
		step("report.step.pdf")
	}
	if err := write(ctx, path, data, o); err != nil {
		return fmt.Errorf("writing the report %s: %w", path, err)
	}
	return nil
}

func (s *reportScreen) finish(path string, err error) {
	s.progress.Stop()
	s.progress.Hide()
	s.stop.Hide()
	s.save.Enable()
	s.saveDOCX.Enable()
	switch {
	case err == nil:
		s.saved = path
		setStatus(s.status, tr("report.saved", map[string]any{"File": path}))
		s.open.Show()
	case ctxCanceled(err):
		setStatus(s.status, tr("report.cancelled"))
	default:
		setStatus(s.status, tr("report.failed"))
		s.u.showError(err)
	}
}

func (s *reportScreen) onStop() {
	if s.cancel != nil {
		s.cancel()
	}
}

// onOpenFolder opens the folder of the saved report in the file manager.
func (s *reportScreen) onOpenFolder() {
	if s.saved == "" {
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.Dir(s.saved)}
	if err := s.u.app.OpenURL(u); err != nil {
		s.u.showError(fmt.Errorf("opening the folder %s: %w", u.Path, err))
	}
}
