// Package store keeps everything RevOps Diagnostic knows in one SQLite file
// (modernc.org/sqlite, pure Go): organisations and their profile,
// assessments, respondents and answers, objectives, the KPI plan with dated
// targets, custom KPIs, monthly KPI values and inputs, raw deals, customers,
// transactions and leads, the import log, saved column mappings,
// recommendation states and the installation's settings.
//
// Every change is committed the moment it is made (autosave): each exported
// write method runs in its own transaction, and bulk imports run in one
// transaction that either lands whole or not at all (see Store.Import).
//
// Safety: one writer connection, WAL journal, busy_timeout, foreign keys on,
// synchronous=FULL; numbered migrations embedded in the binary, each in its
// own transaction, with a copy of the file taken before the first one; a
// file written by a newer version, a foreign or corrupt file is refused
// without being changed. Rolling backups, online backups, restore and
// portable engagement files (optionally encrypted with age) live in
// backup.go and engagement*.go. docs/STORE.md describes the schema and the
// file formats.
package store
