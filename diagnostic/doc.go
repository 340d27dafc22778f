// Package diagnostic is the domain of RevOps Diagnostic, in pure Go: the
// company profile, departments and raw commercial records shared by every
// other package, plus (in files and sub-packages added by later work) the
// questionnaire, scoring, alignment, KPI catalogue, formulas, benchmarks,
// trends and recommendations.
//
// It never imports the GUI toolkit nor talks SQL: persistence lives in
// diagnostic/store, file reading in diagnostic/importer and rendering in
// diagnostic/report and charts. Content (questions, KPIs, benchmarks, rules)
// comes from data files embedded by package assets.
package diagnostic
