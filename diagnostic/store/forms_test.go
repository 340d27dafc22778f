package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestImportRespondentsTracksResponses imports respondents into a new
// assessment and then into it again: invitations are marked answered,
// answers without one get their own line, and a duplicate respondent or a
// form answered twice stores nothing.
func TestImportRespondentsTracksResponses(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	if err := s.RecordInvitation(ctx, o.ID, FormResponse{FormID: "form-ana-0001", Name: "Ana", Department: diagnostic.DeptSales, Format: "xlsx", Language: "es"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordInvitation(ctx, o.ID, FormResponse{FormID: "form-ana-0001"}); !errors.Is(err, diagnostic.ErrConflict) {
		t.Errorf("second invitation with one id: %v", err)
	}
	if err := s.RecordInvitation(ctx, o.ID, FormResponse{FormID: "form-luis-0002", Name: "Luis", Format: "html", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	ana := ImportedRespondent{Respondent: diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales,
		Answers: map[string]diagnostic.Answer{"obj_written": {Value: 4}}}, FormID: "form-ana-0001", File: "ana.xlsx"}
	walk := ImportedRespondent{Respondent: diagnostic.Respondent{Name: "Marta", Department: diagnostic.DeptFinance,
		Answers: map[string]diagnostic.Answer{"obj_written": {Value: diagnostic.NA}}}, FormID: "walkin-0003", File: "marta.json"}
	score := 75.0
	aid, err := s.ImportRespondents(ctx, o.ID, 0, diagnostic.Assessment{Language: "es", QuestionnaireVersion: "v"}, []ImportedRespondent{ana, walk}, &score)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Assessment(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Respondents) != 2 || a.Respondents[0].Answers["obj_written"].Value != 4 || a.Respondents[1].Answers["obj_written"].Value != diagnostic.NA {
		t.Errorf("stored respondents %+v", a.Respondents)
	}
	infos, _ := s.Assessments(ctx, o.ID)
	if len(infos) != 1 || infos[0].Score == nil || *infos[0].Score != 75 {
		t.Errorf("assessments %+v", infos)
	}
	tr, err := s.FormResponses(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr) != 3 {
		t.Fatalf("tracking %+v", tr)
	}
	byID := map[string]FormResponse{}
	for _, f := range tr {
		byID[f.FormID] = f
	}
	if f := byID["form-ana-0001"]; f.Invited.IsZero() || f.Answered.IsZero() || f.AssessmentID != aid || f.RespondentID != a.Respondents[0].ID {
		t.Errorf("Ana's line %+v", f)
	}
	if f := byID["form-luis-0002"]; f.Invited.IsZero() || !f.Answered.IsZero() || f.AssessmentID != 0 {
		t.Errorf("Luis's line (pending) %+v", f)
	}
	if f := byID["walkin-0003"]; !f.Invited.IsZero() || f.Answered.IsZero() || f.Name != "Marta" || f.Department != diagnostic.DeptFinance {
		t.Errorf("Marta's line (no invitation) %+v", f)
	}
	// Luis answers, but the batch also repeats Ana: nothing is stored.
	luis := ImportedRespondent{Respondent: diagnostic.Respondent{Name: "Luis", Department: diagnostic.DeptMarketing, Answers: map[string]diagnostic.Answer{}}, FormID: "form-luis-0002", File: "luis.html.json"}
	again := ana
	again.FormID, again.File = "other-0004", "ana2.xlsx"
	_, err = s.ImportRespondents(ctx, o.ID, aid, diagnostic.Assessment{}, []ImportedRespondent{luis, again}, nil)
	if !errors.Is(err, diagnostic.ErrConflict) || !strings.Contains(err.Error(), "ana2.xlsx") {
		t.Errorf("duplicate respondent: %v", err)
	}
	// Ana's form imported a second time under another name.
	twice := ana
	twice.Name = "Ana B"
	if _, err := s.ImportRespondents(ctx, o.ID, aid, diagnostic.Assessment{}, []ImportedRespondent{twice}, nil); !errors.Is(err, diagnostic.ErrConflict) || !strings.Contains(err.Error(), "already answered") {
		t.Errorf("form answered twice: %v", err)
	}
	if rs, _ := s.Respondents(ctx, aid); len(rs) != 2 {
		t.Errorf("%d respondents after refused imports, want 2", len(rs))
	}
	if tr2, _ := s.FormResponses(ctx, o.ID); len(tr2) != 3 || !tr2[1].Answered.IsZero() {
		t.Errorf("tracking changed by refused imports: %+v", tr2)
	}
	if _, err := s.ImportRespondents(ctx, o.ID, aid, diagnostic.Assessment{}, []ImportedRespondent{luis}, nil); err != nil {
		t.Fatal(err)
	}
	other := mustOrg(t, s, "Other")
	if _, err := s.ImportRespondents(ctx, other.ID, aid, diagnostic.Assessment{}, []ImportedRespondent{walk}, nil); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("assessment of another organisation: %v", err)
	}
}

// TestAnonymousFlag: an assessment made anonymous by an import stays so,
// and SetAnonymous turns it on and off.
func TestAnonymousFlag(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	r := ImportedRespondent{Respondent: diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{}}, FormID: "form-0000001", File: "a.json"}
	aid, err := s.ImportRespondents(ctx, o.ID, 0, diagnostic.Assessment{Language: "en", Anonymous: true}, []ImportedRespondent{r}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Name, r.FormID = "Luis", "form-0000002"
	if _, err := s.ImportRespondents(ctx, o.ID, aid, diagnostic.Assessment{}, []ImportedRespondent{r}, nil); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Assessment(ctx, aid); !a.Anonymous || len(a.Respondents) != 2 || a.Respondents[1].Name != "Luis" {
		t.Errorf("after a second import: anonymous %v, %d respondents (names kept for tracking)", a.Anonymous, len(a.Respondents))
	}
	if err := s.SetAnonymous(ctx, aid, false); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Assessment(ctx, aid); a.Anonymous {
		t.Error("SetAnonymous(false) did not stick")
	}
}

// TestEngagementCopiesResponseTracking exports an organisation with its
// response tracking and imports it under another name into the same
// database: the lines come along, pointing at the copy's assessment and
// respondents, and the original's are untouched.
func TestEngagementCopiesResponseTracking(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	if err := s.RecordInvitation(ctx, o.ID, FormResponse{FormID: "form-ana-0001", Name: "Ana", Format: "xlsx", Language: "es"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordInvitation(ctx, o.ID, FormResponse{FormID: "form-luis-0002", Name: "Luis", Format: "html", Language: "es"}); err != nil {
		t.Fatal(err)
	}
	r := ImportedRespondent{Respondent: diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{"obj_written": {Value: 3}}}, FormID: "form-ana-0001", File: "a.xlsx"}
	if _, err := s.ImportRespondents(ctx, o.ID, 0, diagnostic.Assessment{Language: "es", Anonymous: true}, []ImportedRespondent{r}, nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "acme.revops")
	if err := s.ExportEngagement(ctx, o.ID, file, ExportOptions{AppVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	cp, err := s.ImportEngagement(ctx, file, ImportOptions{Rename: "Acme copy"})
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := s.FormResponses(ctx, o.ID)
	got, err := s.FormResponses(ctx, cp.ID)
	if err != nil || len(got) != 2 || len(orig) != 2 {
		t.Fatalf("tracking of the copy %+v (%v), of the original %+v", got, err, orig)
	}
	a, err := s.LatestAssessment(ctx, cp.ID)
	if err != nil || !a.Anonymous {
		t.Fatalf("the copy's assessment %+v %v", a, err)
	}
	if got[0].FormID != "form-ana-0001" || got[0].AssessmentID != a.ID || got[0].RespondentID != a.Respondents[0].ID || got[0].AssessmentID == orig[0].AssessmentID {
		t.Errorf("Ana's line in the copy %+v (copy's assessment %d), original %+v", got[0], a.ID, orig[0])
	}
	if !got[1].Answered.IsZero() || got[1].AssessmentID != 0 {
		t.Errorf("Luis's pending line in the copy %+v", got[1])
	}
}
