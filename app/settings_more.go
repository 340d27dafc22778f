package app

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// settingsMore is the second part of the settings screen: the consultant's
// name and logo and the default language (stored in the database), the
// database's folder, backups, and the licences and data sources.
type settingsMore struct {
	u      *ui
	st     store.Settings
	name   *widget.Entry
	logo   *canvas.Image
	noLogo *widget.Label
	lang   *widget.Select
	status *widget.Label
}

// settingsMoreView builds the part and loads the settings in the
// background.
func (u *ui) settingsMoreView() fyne.CanvasObject {
	if u.db == nil {
		return u.noDatabase()
	}
	m := &settingsMore{u: u}
	u.settingsPart = m
	m.name = widget.NewEntry()
	m.name.SetPlaceHolder(tr("settings.consultant.placeholder"))
	m.name.OnSubmitted = func(string) { m.onSaveName() }
	saveName := widget.NewButtonWithIcon(tr("action.save"), theme.DocumentSaveIcon(), m.onSaveName)
	m.logo = &canvas.Image{FillMode: canvas.ImageFillContain}
	m.logo.SetMinSize(fyne.NewSize(160, 60))
	m.noLogo = widget.NewLabel(tr("settings.logo.none"))
	chooseLogo := widget.NewButtonWithIcon(tr("settings.logo.choose"), theme.FileImageIcon(), m.onChooseLogo)
	removeLogo := widget.NewButtonWithIcon(tr("settings.logo.remove"), theme.DeleteIcon(), m.onRemoveLogo)
	m.lang = widget.NewSelect(langNames(), nil)
	m.status = statusLabel()
	m.status.Importance = widget.MediumImportance

	openDB := widget.NewButtonWithIcon(tr("settings.database.open"), theme.FolderOpenIcon(), m.onOpenDBFolder)
	backup := widget.NewButtonWithIcon(tr("settings.backup.make"), theme.DownloadIcon(), m.onBackup)
	restore := widget.NewButtonWithIcon(tr("settings.backup.restore"), theme.UploadIcon(), m.onRestore)
	licences := widget.NewButtonWithIcon(tr("settings.about.licences"), theme.InfoIcon(), m.onLicences)

	form := widget.NewForm(
		widget.NewFormItem(tr("settings.consultant"), container.NewBorder(nil, nil, nil, saveName, m.name)),
		widget.NewFormItem(tr("settings.logo"), container.NewHBox(container.NewStack(m.logo, m.noLogo), chooseLogo, removeLogo)),
		widget.NewFormItem(tr("settings.default_language"), m.lang),
	)
	box := container.NewVBox(
		subheading(tr("settings.branding")), wrapped(tr("settings.branding.help")), form, m.status,
		subheading(tr("settings.data")), wrapped(tr("settings.data.help", map[string]any{"Folder": filepath.Dir(u.opts.DBPath)})),
		container.NewHBox(openDB, backup, restore),
		subheading(tr("settings.about")), wrapped(tr("settings.about.text", map[string]any{"Version": u.opts.Version})),
		wrapped(m.sources()), container.NewHBox(licences),
	)
	db := u.db
	background(u, "reading the settings", func(ctx context.Context) (store.Settings, error) { return db.Settings(ctx) }, m.apply)
	return box
}

func (m *settingsMore) apply(st store.Settings) {
	m.st = st
	m.name.SetText(st.ConsultantName)
	m.showLogo()
	m.lang.SetSelectedIndex(slices.Index(locale.Langs(), st.DefaultLanguage))
	m.lang.OnChanged = func(string) { m.onDefaultLang() }
}

func (m *settingsMore) showLogo() {
	if len(m.st.Logo) == 0 {
		m.logo.Resource = nil
		m.logo.Hide()
		m.noLogo.Show()
	} else {
		m.logo.Resource = fyne.NewStaticResource("logo", m.st.Logo)
		m.logo.Show()
		m.noLogo.Hide()
	}
	m.logo.Refresh()
}

// saveSettings stores every setting at once and confirms it.
func (m *settingsMore) saveSettings() {
	st, db := m.st, m.u.db
	m.u.save("saving the settings", func(ctx context.Context) error { return db.SaveSettings(ctx, st) })
	setStatus(m.status, tr("settings.saved"))
}

func (m *settingsMore) onSaveName() {
	m.st.ConsultantName = strings.TrimSpace(m.name.Text)
	m.saveSettings()
}

func (m *settingsMore) onDefaultLang() {
	if i := m.lang.SelectedIndex(); i >= 0 {
		m.st.DefaultLanguage = locale.Langs()[i]
		m.saveSettings()
	}
}

func (m *settingsMore) onRemoveLogo() {
	m.st.Logo = nil
	m.showLogo()
	m.saveSettings()
}

// onChooseLogo reads a PNG or JPEG file as the report's logo.
func (m *settingsMore) onChooseLogo() {
	m.u.chooseFileToOpen([]string{".png", ".jpg", ".jpeg"}, m.setLogoFile)
}

// maxLogo is the largest logo file accepted; it is scaled down on import.
const maxLogo = 20 << 20

// setLogoFile checks the image in the background and stores it.
func (m *settingsMore) setLogoFile(path string) {
	background(m.u, "reading the logo "+path, func(context.Context) ([]byte, error) { return readLogo(path) }, func(b []byte) {
		m.st.Logo = b
		m.showLogo()
		m.saveSettings()
	})
}

// readLogo reads a PNG or JPEG of at most 20 MB and normalises it for the
// report (8-bit, flattened, scaled down: report.NormaliseLogo).
func readLogo(path string) ([]byte, error) {
	u, err := storage.ParseURI("file://" + filepath.ToSlash(path))
	if err != nil {
		return nil, err
	}
	r, err := storage.Reader(u)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxLogo+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxLogo {
		return nil, fmt.Errorf("logo %s is over 20 MB: %w", path, diagnostic.ErrInvalid)
	}
	logo, err := report.NormaliseLogo(b)
	if err != nil {
		return nil, fmt.Errorf("logo %s: %w", path, err)
	}
	return logo, nil
}

// onOpenDBFolder shows the database's folder in the file manager.
func (m *settingsMore) onOpenDBFolder() {
	u := &url.URL{Scheme: "file", Path: filepath.Dir(m.u.opts.DBPath)}
	if err := m.u.app.OpenURL(u); err != nil {
		m.u.showError(fmt.Errorf("opening the folder %s: %w", u.Path, err))
	}
}

// sources lists the benchmarks' sources with their years.
func (m *settingsMore) sources() string {
	all, err := kpi.Benchmarks()
	if err != nil {
		return ""
	}
	var list []string
	for _, b := range all {
		if c := b.Cite(m.u.lang()); !slices.Contains(list, c) {
			list = append(list, c)
		}
	}
	slices.Sort(list)
	return tr("settings.about.sources", map[string]any{"Sources": strings.Join(list, "; ")})
}

// onLicences shows the embedded fonts' licence.
func (m *settingsMore) onLicences() {
	b, err := assets.FS.ReadFile("fonts/LICENSE-DejaVu.txt")
	if err != nil {
		m.u.showError(err)
		return
	}
	text := widget.NewLabel(tr("settings.about.fonts") + "\n\n" + string(b))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 420))
	dialog.ShowCustom(tr("settings.about.licences"), tr("action.close"), scroll, m.u.win)
}

// backupName is the suggested name of a backup made now.
func backupName(now time.Time) string {
	return "revopsdx-" + now.Format("2006-01-02-1504") + ".db"
}
