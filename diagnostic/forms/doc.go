// Package forms turns the questionnaire into forms a client's team fills in
// without the app — a spreadsheet (XLSX) and a self-contained web page
// (HTML) — and reads the filled forms back as respondents. Forms are built
// from the loaded content, whatever questions and options it holds, and
// carry the questionnaire version and a form id, so answers to another
// version are refused and each answer can be matched to its invitation.
//
// The package writes and reads bytes only; the use case (package usecase)
// records invitations and stores imported respondents.
package forms
