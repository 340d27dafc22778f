package app

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2/dialog"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// onBackup asks where to write a copy of the database and makes it.
func (m *settingsMore) onBackup() {
	m.u.chooseFileToSave(backupName(timeNow()), []string{".db"}, m.backupTo)
}

// backupTo writes a consistent copy of the database to path in the
// background (the empty file the save dialog created is replaced).
func (m *settingsMore) backupTo(path string) {
	db := m.u.db
	setStatus(m.status, tr("settings.backup.running"))
	background(m.u, "making a backup", func(ctx context.Context) (string, error) {
		if err := removeEmpty(path); err != nil {
			return "", err
		}
		return path, db.Backup(ctx, path)
	}, func(p string) {
		log.Printf("backup written to %s", p)
		setStatus(m.status, tr("settings.backup.done", map[string]any{"File": p}))
	})
}

// onRestore asks for a backup file, confirms, and restores it.
func (m *settingsMore) onRestore() {
	m.u.chooseFileToOpen([]string{".db"}, func(path string) {
		dialog.ShowConfirm(tr("settings.restore.title"), tr("settings.restore.confirm", map[string]any{"File": path, "Folder": store.BackupDir(m.u.opts.DBPath)}),
			func(ok bool) {
				if ok {
					m.restoreFrom(path)
				}
			}, m.u.win)
	})
}

// restoreFrom replaces the database's content with a backup (the current
// content is backed up first), then goes back to the start screen: the
// organisations may have changed.
func (m *settingsMore) restoreFrom(path string) {
	dbPath := m.u.opts.DBPath
	setStatus(m.status, tr("settings.restore.running"))
	background(m.u, "restoring "+path, func(ctx context.Context) (struct{}, error) {
		m.u.saver.wait()
		if err := store.Restore(ctx, dbPath, path, store.Options{}); err != nil {
			return struct{}{}, fmt.Errorf("restoring %s: %w", path, err)
		}
		return struct{}{}, nil
	}, func(struct{}) {
		m.u.sess = session{respondent: -1}
		dialog.ShowInformation(tr("settings.restore.title"), tr("settings.restore.done"), m.u.win)
		m.u.goTo(screenStart)
	})
}

// timeNow is the clock of file names.
var timeNow = time.Now

// removeEmpty deletes path when it is an empty file (what a save dialog
// leaves behind), so a backup can be written there.
func removeEmpty(path string) error {
	st, err := os.Stat(path)
	if err != nil || st.Size() > 0 {
		return nil
	}
	return os.Remove(path)
}
