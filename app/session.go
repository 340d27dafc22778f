package app

import (
	"context"
	"errors"
	"log"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// session is what the user is working on: the organisation chosen on the
// start screen, its latest assessment, who is answering and the page of
// the questionnaire. It lives on the UI goroutine only.
type session struct {
	org        store.Org              // ID 0: none chosen yet
	assessment *diagnostic.Assessment // nil: the organisation has none yet
	respondent int                    // index in assessment.Respondents; -1 none
	page       int                    // question index; len(questions) is the review page
}

// opened is an organisation with its latest assessment (nil when none).
type opened struct {
	org        store.Org
	assessment *diagnostic.Assessment
}

// fetchOrg reads an organisation and its latest assessment.
func fetchOrg(ctx context.Context, db backend, id int64) (opened, error) {
	o, err := db.Org(ctx, id)
	if err != nil {
		return opened{}, err
	}
	a, err := db.LatestAssessment(ctx, id)
	if errors.Is(err, diagnostic.ErrNotFound) {
		return opened{org: o}, nil
	}
	if err != nil {
		return opened{}, err
	}
	return opened{org: o, assessment: &a}, nil
}

// openOrg loads an organisation in the background and shows it on the
// diagnostic screen, resuming the first respondent where they stopped.
func (u *ui) openOrg(id int64) {
	db := u.db
	background(u, "opening the organisation", func(ctx context.Context) (opened, error) {
		return fetchOrg(ctx, db, id)
	}, u.applyOrg)
}

// openOrgOn opens an organisation like openOrg, then shows screen (the
// results when the app starts with --open).
func (u *ui) openOrgOn(id int64, screen int) {
	db := u.db
	background(u, "opening the organisation", func(ctx context.Context) (opened, error) {
		return fetchOrg(ctx, db, id)
	}, func(o opened) {
		u.applyOrg(o)
		u.goTo(screen)
	})
}

// applyOrg makes o the current organisation and goes to the diagnostic.
func (u *ui) applyOrg(o opened) {
	log.Printf("opened organisation %d %q", o.org.ID, o.org.Name)
	u.sess = session{org: o.org, assessment: o.assessment, respondent: -1}
	if o.assessment != nil && len(o.assessment.Respondents) > 0 {
		u.chooseRespondent(0)
	}
	u.goTo(screenDiagnostic)
}

// chooseRespondent makes respondent i the one answering now and resumes at
// their first unanswered question (the review page when none is left).
func (u *ui) chooseRespondent(i int) {
	u.sess.respondent = i
	u.sess.page = firstUnanswered(u.q, &u.sess.assessment.Respondents[i])
}

// current returns the respondent answering now, or nil.
func (u *ui) current() *diagnostic.Respondent {
	a := u.sess.assessment
	if a == nil || u.sess.respondent < 0 || u.sess.respondent >= len(a.Respondents) {
		return nil
	}
	return &a.Respondents[u.sess.respondent]
}

// firstUnanswered is the index of the first question r has not answered,
// or len(q.Questions) (the review page) when every one is answered.
func firstUnanswered(q *diagnostic.Questionnaire, r *diagnostic.Respondent) int {
	for i, qu := range q.Questions {
		if _, ok := r.Answers[qu.ID]; !ok {
			return i
		}
	}
	return len(q.Questions)
}
