package diagnostic

import "strings"

// How the deals of two pipeline snapshots are matched.
const (
	// MatchRecordID matches deals by the CRM's record id (HubSpot Record
	// ID, Salesforce Opportunity ID, Pipedrive ID).
	MatchRecordID = "record_id"
	// MatchNameCreated matches deals by name, creation day and pipeline,
	// when the export has no id column: a stated fallback, weaker (a
	// renamed deal looks removed and new).
	MatchNameCreated = "name_created"
)

// MatchKeyOf is the key that identifies a deal across snapshots under a
// matching mode: its record id, or its lower-cased name, creation day and
// pipeline. A deal without a name under the fallback keeps its own id
// (the importer's row number), so it matches nothing in another snapshot.
func MatchKeyOf(d Deal, mode string) string {
	if mode != MatchNameCreated {
		return "id:" + d.ExternalID
	}
	name := strings.ToLower(strings.TrimSpace(d.Name))
	if name == "" {
		return "id:" + d.ExternalID
	}
	day := ""
	if !d.Created.IsZero() {
		day = d.Created.UTC().Format("2006-01-02")
	}
	return "name:" + name + "|" + day + "|" + strings.ToLower(strings.TrimSpace(d.Pipeline))
}
