package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"

	"github.com/revopsdx/revopsdx/assets"
)

// Page geometry in millimetres, and the grid: columns are sized out of 100
// so a column size reads as a percentage of the text width.
const (
	marginLeft   = 16.0
	marginRight  = 16.0
	marginTop    = 12.0
	marginBottom = 16.0
	gridSize     = 100
	fontFamily   = "dejavu"
	// footerSize is the point size of the footer and page number, and
	// footerGap the height of the footer's text row, whose text is pushed
	// to its bottom edge so it shares the page number's baseline.
	footerSize = 7.5
	footerGap  = 3.0
)

// Render writes the PDF report for data to w. It fails when the options or
// data are invalid (no organisation name or assessment date, an unknown
// language, paper or section) or when ctx is cancelled between sections.
func Render(ctx context.Context, w io.Writer, data Data, opts Options) error {
	b, err := renderBytes(ctx, &data, opts)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing the report of %q: %w", data.Organisation, err)
	}
	return nil
}

// WriteFile renders the report to path, replacing an existing file
// atomically: the PDF is written to a temporary file in the same folder and
// renamed over path only once complete, so a failure never leaves a
// half-written report behind.
func WriteFile(ctx context.Context, path string, data Data, opts Options) error {
	b, err := renderBytes(ctx, &data, opts)
	if err != nil {
		return err
	}
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// writeAtomic writes a file through fill into a temporary file next to path
// and renames it over path, with mode 0600 (client data, like the
// database) whatever the umask or the mode of the file it replaces.
func writeAtomic(path string, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("creating a temporary file for %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o600); err != nil { // client data: the owner only
		return fmt.Errorf("setting permissions of %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	return nil
}

// renderBytes builds the whole document and returns the PDF bytes.
func renderBytes(ctx context.Context, data *Data, opts Options) ([]byte, error) {
	r, err := opts.resolve(data)
	if err != nil {
		return nil, err
	}
	data.shortenNames()
	if len(data.Consultant.Logo) > 0 {
		// A logo stored before logos were normalised on import (a 16-bit
		// PNG, a CMYK JPEG) is normalised here.
		if data.Consultant.Logo, err = NormaliseLogo(data.Consultant.Logo); err != nil {
			return nil, err
		}
	}
	cat, err := content()
	if err != nil {
		return nil, err
	}
	d, err := newDoc(data, r, cat[r.lang])
	if err != nil {
		return nil, err
	}
	steps := []struct {
		id   string
		draw func()
	}{
		{SectionSummary, d.summary},
		{SectionMaturity, d.maturity},
		{SectionAlignment, d.alignment},
		{SectionKPIs, d.kpis},
		{sectionPipeline, d.pipelineMovement},
		{SectionRecommendations, d.plan},
		{SectionAppendix, d.appendix},
	}
	d.cover()
	started := false
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("rendering the report of %q: %w", data.Organisation, err)
		}
		if !d.willShow(s.id) {
			continue
		}
		if !started {
			// Body pages (header, footer, page numbers) only when a
			// section follows the cover, so no blank page is left.
			if err := d.startBody(); err != nil {
				return nil, fmt.Errorf("rendering the report of %q: %w", data.Organisation, err)
			}
			started = true
		}
		s.draw()
	}
	doc, err := d.m.Generate()
	if err != nil {
		return nil, fmt.Errorf("generating the PDF of %q: %w", data.Organisation, err)
	}
	return doc.GetBytes(), nil
}

// doc is one report being built.
type doc struct {
	m     core.Maroto
	cfg   pageConfig
	d     *Data
	r     resolved
	t     texts
	f     formatter
	probe *probe
	// headerH is the height of the running header, counted twice by
	// maroto's FitlnCurrentPage (see fits).
	headerH float64
	// shown lists the sections actually printed, for the executive
	// summary's cross-references.
	shown map[string]bool
	// summaryFull is set once something was left off the summary page:
	// nothing more is added to it, so it never spills onto a second page.
	summaryFull bool
}

// pageConfig is what the report needs to know of the page.
type pageConfig struct {
	pattern string // page-number pattern, restored after the cover
}

// newDoc sets up maroto with the embedded fonts, paper, margins and page
// numbers, and measures nothing yet.
func newDoc(data *Data, r resolved, t texts) (*doc, error) {
	regular, err := assets.Font("DejaVuSans.ttf")
	if err != nil {
		return nil, err
	}
	bold, err := assets.Font("DejaVuSans-Bold.ttf")
	if err != nil {
		return nil, err
	}
	fonts, err := repository.New().
		AddUTF8FontFromBytes(fontFamily, fontstyle.Normal, regular).
		AddUTF8FontFromBytes(fontFamily, fontstyle.Bold, bold).
		Load()
	if err != nil {
		return nil, fmt.Errorf("loading the report fonts: %w", err)
	}
	size := pagesize.A4
	if r.paper == Letter {
		size = pagesize.Letter
	}
	pattern := t.T("footer.page")
	cfg := config.NewBuilder().
		WithPageSize(size).
		WithLeftMargin(marginLeft).
		WithRightMargin(marginRight).
		WithTopMargin(marginTop).
		WithBottomMargin(marginBottom).
		WithMaxGridSize(gridSize).
		WithCustomFonts(fonts).
		WithDefaultFont(&props.Font{Family: fontFamily, Style: fontstyle.Normal, Size: 9, Color: colText}).
		WithPageNumber(props.PageNumber{Pattern: pattern, Place: props.RightBottom, Family: fontFamily, Size: footerSize, Color: colMuted}).
		WithSequentialMode().
		WithCompression(true). // page streams deflated: ~430 KB of the demo report's text and lines become ~60 KB
		WithTitle(drawable(t.T("report.title")+" · "+shorten(data.Organisation, maxName)), true).
		WithAuthor(drawable(shorten(data.Consultant.Name, maxName)), true).
		WithSubject(t.T("report.subtitle"), true).
		WithCreator("RevOps Diagnostic", true).
		WithCreationDate(data.AssessmentDate).
		Build()
	d := &doc{
		m:     maroto.New(cfg),
		cfg:   pageConfig{pattern: pattern},
		d:     data,
		r:     r,
		t:     t,
		f:     formatter{lang: r.lang, t: t, currency: data.Currency},
		probe: &probe{},
		shown: map[string]bool{},
	}
	if d.f.currency == "" {
		d.f.currency = "EUR"
	}
	// The cover has no page number: the pattern each page keeps is copied
	// when the page is closed, so it is blanked until the cover is done.
	cfg.PageNumber.Pattern = ""
	d.m.AddRows(row.New().Add(col.New(gridSize).Add(d.probe)))
	return d, nil
}

// startBody ends the cover page and sets up the running header, footer and
// page numbers for every page after it. Registering fails when the header
// or footer is taller than a page (a huge logo, say): that is an error,
// not a report silently without them.
func (d *doc) startBody() error {
	d.m.AddPages(page.New())
	d.m.GetCurrentConfig().PageNumber.Pattern = d.cfg.pattern
	header := d.headerRows()
	d.headerH = d.heightOf(header...)
	if err := d.m.RegisterHeader(header...); err != nil {
		return fmt.Errorf("the page header: %w", err)
	}
	if err := d.m.RegisterFooter(d.footerRows()...); err != nil {
		return fmt.Errorf("the page footer: %w", err)
	}
	return nil
}

// heightOf measures rows as maroto will lay them out.
func (d *doc) heightOf(rows ...core.Row) float64 {
	var h float64
	for _, r := range rows {
		r.SetConfig(d.m.GetCurrentConfig())
		h += r.GetHeight(d.probe.provider, &d.probe.cell)
	}
	return h
}

// fits reports whether h more millimetres fit on the current page. maroto's
// FitlnCurrentPage counts the running header twice (once among the page's
// rows and once on its own), hence the correction.
func (d *doc) fits(h float64) bool { return d.m.FitlnCurrentPage(h - d.headerH) }

// keep starts a new page unless h millimetres fit on the current one; used
// to keep a heading with the first lines of what it introduces.
func (d *doc) keep(h float64) {
	if !d.fits(h) {
		d.newPage()
	}
}

// newPage starts a new page unless the current one is still empty.
func (d *doc) newPage() { d.m.AddPages(page.New()) }

// add appends rows.
func (d *doc) add(rows ...core.Row) { d.m.AddRows(rows...) }
