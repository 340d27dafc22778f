package importer

// Kind is the shape of a table: what its rows are.
type Kind string

// The shapes the importer reads.
const (
	KPIs         Kind = "kpis"
	Deals        Kind = "deals"
	Customers    Kind = "customers"
	Transactions Kind = "transactions"
	Leads        Kind = "leads"
)

// allKinds lists every shape, in the order detection prefers on a tie.
var allKinds = []Kind{Deals, Customers, Transactions, Leads, KPIs}

// Kinds returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Kinds() []Kind { return append([]Kind(nil), allKinds...) }

// FieldType is how a field's cells are read.
type FieldType string

// Field types.
const (
	TypeText   FieldType = "text"
	TypeNumber FieldType = "number"
	TypeDate   FieldType = "date"
	TypeBool   FieldType = "boolean"
)

// Field is one thing a shape reads from a column.
type Field struct {
	Name string
	Type FieldType
}

// shapeFields lists the fields of each shape. Metric columns of a wide KPI
// table are not listed: any KPI or input id is a field of kpis.
var shapeFields = map[Kind][]Field{
	Deals: {
		{"id", TypeText}, {"name", TypeText}, {"stage", TypeText}, {"status", TypeText},
		{"won", TypeBool}, {"closed_flag", TypeBool}, {"amount", TypeNumber}, {"currency", TypeText},
		{"created", TypeDate}, {"closed", TypeDate}, {"won_date", TypeDate}, {"lost_date", TypeDate},
		{"expected_close", TypeDate}, {"owner", TypeText}, {"source", TypeText}, {"pipeline", TypeText},
		{"forecast_category", TypeText},
	},
	Customers: {
		{"id", TypeText}, {"start", TypeDate}, {"end", TypeDate}, {"churned", TypeBool},
		{"mrr", TypeNumber}, {"arr", TypeNumber}, {"plan", TypeText},
	},
	Transactions: {
		{"order_id", TypeText}, {"date", TypeDate}, {"amount", TypeNumber}, {"profit", TypeNumber}, {"customer", TypeText},
	},
	Leads: {
		{"id", TypeText}, {"created", TypeDate}, {"source", TypeText}, {"stage", TypeText},
	},
	KPIs: {
		{"period", TypeDate}, {"metric", TypeText}, {"value", TypeNumber},
	},
}

// fieldsOf returns the fixed fields of a shape.
func fieldsOf(k Kind) []Field { return shapeFields[k] }

// fieldType returns the type of a shape's field; for kpis any metric id is
// a number field of a wide table.
func fieldType(k Kind, name string) (FieldType, bool) {
	for _, f := range shapeFields[k] {
		if f.Name == name {
			return f.Type, true
		}
	}
	return "", false
}

// requirement is one condition a shape needs: any of the fields.
type requirement []string

// requirements are what auto-detection needs to call a table of a shape;
// strict ones also apply when the user names the kind.
var requirements = map[Kind]struct{ always, auto []requirement }{
	Deals: {
		always: []requirement{{"amount"}, {"stage", "status", "won", "won_date", "lost_date"}},
	},
	Customers: {
		always: []requirement{{"id"}, {"start", "end", "churned", "mrr", "arr"}},
	},
	Transactions: {
		always: []requirement{{"date"}, {"amount"}},
		auto:   []requirement{{"order_id", "customer"}},
	},
	Leads: {
		always: []requirement{{"created"}},
		auto:   []requirement{{"id", "source", "stage"}},
	},
	// kpis: period plus either metric and value (long) or metric columns
	// (wide); checked in code.
}
