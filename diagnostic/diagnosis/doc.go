// Package diagnosis writes the synthesis of an analysis: where the company
// stands, its maturity level, what changed since the last assessment, the
// one lever that limits revenue most (the binding constraint, with its
// money at stake), whether the data confirm the problem the client named,
// the answers the data contradict, whether the picture is preliminary, the
// strengths and the actions of the first 30 days. Its texts come from
// assets/content/diagnosis.json in Spanish and English; the reasoning is in
// docs/METHOD.md ("Diagnosis"). The CLI's diagnose command, the results
// screen and the report's first page show the same Diagnosis.
package diagnosis
