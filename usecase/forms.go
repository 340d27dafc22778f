package usecase

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/forms"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// The formats of a questionnaire form.
const (
	FormXLSX = "xlsx"
	FormHTML = "html"
	FormPDF  = "pdf"
)

// FormFormats lists the formats MakeForm writes.
var FormFormats = []string{FormXLSX, FormHTML, FormPDF}

// FormsStore is what MakeForm and MakeForms need from the store
// (*store.Store, or the GUI's backend).
type FormsStore interface {
	RecordInvitation(ctx context.Context, orgID int64, f store.FormResponse) error
}

// AnswersStore is what ImportAnswers needs from the store.
type AnswersStore interface {
	LatestAssessment(ctx context.Context, orgID int64) (diagnostic.Assessment, error)
	Assessment(ctx context.Context, id int64) (diagnostic.Assessment, error)
	ImportRespondents(ctx context.Context, orgID, assessmentID int64, newA diagnostic.Assessment, list []store.ImportedRespondent, score *float64) (int64, error)
}

// FormRequest is one form to make for an organisation.
type FormRequest struct {
	Format     string // one of FormFormats
	Lang       locale.Lang
	Respondent string                // "" = the person writes it
	Department diagnostic.Department // "" = the person picks it
	Out        string                // file to write
}

// MakeForm writes a questionnaire form for an organisation and records the
// invitation (response tracking) under the new form's id, which it
// returns. The file is written whole or not at all (mode 0600: client
// data); when the invitation cannot be recorded the file is removed.
func MakeForm(ctx context.Context, s FormsStore, o store.Org, req FormRequest) (string, error) {
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return "", fmt.Errorf("loading the questionnaire: %w", err)
	}
	id, err := forms.NewFormID()
	if err != nil {
		return "", err
	}
	spec := forms.Spec{Q: q, Lang: req.Lang, Org: o.Name, Respondent: strings.TrimSpace(req.Respondent), Department: req.Department, FormID: id}
	if err := spec.Check(); err != nil {
		return "", err
	}
	var write func(io.Writer) error
	switch req.Format {
	case FormXLSX:
		write = func(w io.Writer) error { return forms.WriteXLSX(w, spec) }
	case FormHTML:
		write = func(w io.Writer) error { return forms.WriteHTML(w, spec) }
	case FormPDF:
		write = func(w io.Writer) error { return forms.WritePDF(w, spec) }
	default:
		return "", fmt.Errorf("form format %q: use one of %s: %w", req.Format, strings.Join(FormFormats, ", "), diagnostic.ErrInvalid)
	}
	if err := writeFileAtomic(req.Out, write); err != nil {
		return "", err
	}
	if err := s.RecordInvitation(ctx, o.ID, store.FormResponse{FormID: id, Name: spec.Respondent, Department: spec.Department,
		Format: req.Format, Language: req.Lang}); err != nil {
		return "", errors.Join(err, os.Remove(req.Out))
	}
	return id, nil
}

// maxAnswersFile is the largest answers file import-answers reads: a filled
// form is a few tens of kilobytes.
const maxAnswersFile = 20 << 20

// ImportAnswersResult says what ImportAnswers stored.
type ImportAnswersResult struct {
	Assessment  int64
	Created     bool // a new assessment
	Respondents int  // added now
	Total       int  // the assessment's respondents after the import
	Score       *float64
	Level       *int
}

// ImportAnswersRequest says which files to import and where.
type ImportAnswersRequest struct {
	Files      []string
	Assessment int64 // 0: see ImportAnswers
	New        bool  // a new assessment
	Anonymous  bool  // make the assessment anonymous (it stays so)
}

// ImportAnswers reads filled forms and answers files and adds their
// respondents to one assessment of the organisation: req.Assessment, or a
// new one when req.New is set, or else the latest assessment when it is
// still in progress and of this questionnaire version, or else a new one.
// With req.Anonymous the assessment becomes anonymous in the same
// transaction.
// Everything is read and checked first — each file, a form answered twice
// (by two files, or before), one person (name and department) twice, a
// person who already answered the assessment, a context (symptom,
// objective, KPI checklist) given for an existing assessment or by two
// files — and any problem fails the whole import with a message naming the
// file, storing nothing. Then the respondents, their response tracking and
// the assessment's new score are stored in one transaction.
func ImportAnswers(ctx context.Context, s AnswersStore, o store.Org, req ImportAnswersRequest) (ImportAnswersResult, error) {
	var res ImportAnswersResult
	files := req.Files
	if len(files) == 0 {
		return res, fmt.Errorf("no answers file given: %w", diagnostic.ErrInvalid)
	}
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return res, fmt.Errorf("loading the questionnaire: %w", err)
	}
	var filled []forms.Filled
	for _, f := range files {
		list, err := readAnswersFile(f, q)
		if err != nil {
			return res, err
		}
		filled = append(filled, list...)
	}
	target, err := importTarget(ctx, s, o, q, req.Assessment, req.New)
	if err != nil {
		return res, err
	}
	target.Anonymous = target.Anonymous || req.Anonymous
	batch, ctxFrom, err := checkBatch(filled, target)
	if err != nil {
		return res, err
	}
	if ctxFrom != nil && target.ID != 0 {
		return res, fmt.Errorf("%s: the file has a context (symptom, objective or KPI checklist), which import-answers stores only in a new assessment (--new): %w", ctxFrom.File, diagnostic.ErrInvalid)
	}
	if ctxFrom != nil {
		target.Context = ctxFrom.Context
	}
	all := append(append([]diagnostic.Respondent(nil), target.Respondents...), respondentsOf(batch)...)
	scored := all
	if target.Anonymous {
		scored = diagnostic.AnonymousRespondents(all)
	}
	r := diagnostic.Score(q, scored, target.Context.Coverage)
	id, err := s.ImportRespondents(ctx, o.ID, target.ID, target, batch, r.Overall.Score)
	if err != nil {
		return res, fmt.Errorf("storing the answers for %q: %w", o.Name, err)
	}
	return ImportAnswersResult{Assessment: id, Created: target.ID == 0, Respondents: len(batch), Total: len(all),
		Score: r.Overall.Score, Level: r.Overall.Level}, nil
}

// readAnswersFile reads one file of answers, refusing one too large.
func readAnswersFile(path string, q *diagnostic.Questionnaire) ([]forms.Filled, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the answers: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAnswersFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the answers: %w", path, err)
	}
	if len(data) > maxAnswersFile {
		return nil, fmt.Errorf("%s: larger than %d MB, not a form's answers: %w", name, maxAnswersFile>>20, diagnostic.ErrInvalid)
	}
	return forms.ReadAnswers(name, data, q)
}

// importTarget is the assessment the answers go to: an existing one with
// its respondents, or (ID 0) the new one to create.
func importTarget(ctx context.Context, s AnswersStore, o store.Org, q *diagnostic.Questionnaire, id int64, fresh bool) (diagnostic.Assessment, error) {
	newA := diagnostic.Assessment{OrgID: o.ID, Language: o.Language, QuestionnaireVersion: q.Version, Status: diagnostic.StatusInProgress}
	if !newA.Language.Valid() {
		newA.Language = locale.ES
	}
	if fresh {
		return newA, nil
	}
	if id == 0 {
		latest, err := s.LatestAssessment(ctx, o.ID)
		switch {
		case errors.Is(err, diagnostic.ErrNotFound):
			return newA, nil
		case err != nil:
			return newA, err
		case latest.Status != diagnostic.StatusInProgress || latest.QuestionnaireVersion != q.Version:
			return newA, nil
		}
		return latest, nil
	}
	a, err := s.Assessment(ctx, id)
	if err != nil {
		return a, err
	}
	if a.OrgID != o.ID {
		return a, fmt.Errorf("assessment %d is not of %q: %w", id, o.Name, diagnostic.ErrNotFound)
	}
	if a.QuestionnaireVersion != "" && a.QuestionnaireVersion != q.Version {
		return a, fmt.Errorf("assessment %d was answered with questionnaire version %q, these forms are version %q: import them into a new assessment (--new): %w",
			id, a.QuestionnaireVersion, q.Version, diagnostic.ErrInvalid)
	}
	return a, nil
}

// checkBatch turns the filled forms into respondents to store, refusing a
// form id twice, a person twice, a person already in the assessment, and
// contexts from two files; it returns the one respondent whose file brought
// a context, if any. Respondents without a form get a new form id.
func checkBatch(filled []forms.Filled, target diagnostic.Assessment) ([]store.ImportedRespondent, *forms.Filled, error) {
	formIDs, people := map[string]string{}, map[string]string{}
	for _, r := range target.Respondents {
		if k := personKey(r); k != "" {
			people[k] = fmt.Sprintf("assessment %d", target.ID)
		}
	}
	var ctxFrom *forms.Filled
	out := make([]store.ImportedRespondent, 0, len(filled))
	for i := range filled {
		f := &filled[i]
		if f.FormID != "" {
			if prev, dup := formIDs[f.FormID]; dup {
				return nil, nil, fmt.Errorf("%s: form %s is also answered in %s: %w", f.File, f.FormID, prev, diagnostic.ErrInvalid)
			}
			formIDs[f.FormID] = f.File
		}
		if k := personKey(f.Respondent); k != "" {
			if prev, dup := people[k]; dup {
				return nil, nil, fmt.Errorf("%s: respondent %q (%s) already answered in %s: %w", f.File, f.Respondent.Name, f.Respondent.Department, prev, diagnostic.ErrInvalid)
			}
			people[k] = f.File
		}
		if hasContext(f.Context) {
			if ctxFrom != nil {
				return nil, nil, fmt.Errorf("%s: a context (symptom, objective, KPI checklist) is also given by %s; keep it in one file: %w", f.File, ctxFrom.File, diagnostic.ErrInvalid)
			}
			ctxFrom = f
		}
		id := f.FormID
		if id == "" {
			var err error
			if id, err = forms.NewFormID(); err != nil {
				return nil, nil, err
			}
		}
		out = append(out, store.ImportedRespondent{Respondent: f.Respondent, FormID: id, File: f.File})
	}
	return out, ctxFrom, nil
}

// personKey identifies a named respondent: name (any case) and department;
// "" for an unnamed one, who cannot be told apart from another.
func personKey(r diagnostic.Respondent) string {
	n := strings.ToLower(strings.TrimSpace(r.Name))
	if n == "" {
		return ""
	}
	return n + "\x00" + string(r.Department)
}

func hasContext(c diagnostic.Context) bool {
	return c.Symptom != "" || c.Objective != "" || c.Coverage != nil
}

func respondentsOf(list []store.ImportedRespondent) []diagnostic.Respondent {
	out := make([]diagnostic.Respondent, len(list))
	for i, r := range list {
		out[i] = r.Respondent
	}
	return out
}
