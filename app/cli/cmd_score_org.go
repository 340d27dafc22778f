package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// scoreOrg prints the score of the organisation's latest stored
// assessment, exactly as `score --answers` prints a file's. Without --lang
// it speaks the organisation's language.
func scoreOrg(ctx context.Context, env *Env, ref, lang string, asJSON bool) error {
	return withStoreRead(ctx, env, func(s *store.Store) error {
		o, err := findOrg(ctx, s, ref)
		if err != nil {
			return err
		}
		l, err := orgLang(lang, o)
		if err != nil {
			return err
		}
		q, a, err := latestAssessment(ctx, s, o)
		if err != nil {
			return err
		}
		rs := a.Respondents
		if a.Anonymous {
			rs = diagnostic.AnonymousRespondents(rs)
		}
		r := diagnostic.Score(q, rs, a.Context.Coverage)
		return writeScore(env, q, r, l, asJSON)
	})
}

// orgLang is the --lang value when given, else the organisation's
// language.
func orgLang(flagValue string, o store.Org) (locale.Lang, error) {
	if flagValue != "" {
		return contentLang(flagValue)
	}
	if o.Language.Valid() {
		return o.Language, nil
	}
	return contentLang("")
}

// latestAssessment loads the questionnaire and the organisation's latest
// assessment, checked against it.
func latestAssessment(ctx context.Context, s *store.Store, o store.Org) (*diagnostic.Questionnaire, diagnostic.Assessment, error) {
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return nil, diagnostic.Assessment{}, fmt.Errorf("loading the questionnaire: %w", err)
	}
	a, err := s.LatestAssessment(ctx, o.ID)
	if errors.Is(err, diagnostic.ErrNotFound) {
		return nil, a, fmt.Errorf("%q has no assessment yet: store one with `revopsdx answer --org %q --answers FILE.json`: %w", o.Name, o.Name, err)
	}
	if err != nil {
		return nil, a, err
	}
	if err := diagnostic.ValidateRespondents(q, a.Respondents); err != nil {
		return nil, a, fmt.Errorf("assessment %d of %q: %w", a.ID, o.Name, err)
	}
	return q, a, nil
}
