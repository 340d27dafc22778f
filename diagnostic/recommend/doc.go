// Package recommend turns a diagnostic into prioritised, explained actions.
// Rules live in assets/content/rules.json: each has conditions over the
// questionnaire (topic levels, pillar scores, alignment gaps, the KPI
// checklist and the context), the KPI plan and the KPI rows computed by
// package kpi (status, benchmark position, trend), a Spanish and an English
// text whose placeholders are filled from the evidence, an owning team,
// impact and effort (1–3) and a 30/60/90-day horizon.
//
// Generate evaluates every rule, fills the texts, scores each
// recommendation (impact × size of the gap ÷ effort, × 1.5 when it addresses
// the named symptom or 12-month objective), drops duplicates and sorts by
// priority. See docs/KPIS.md for the formula.
package recommend
