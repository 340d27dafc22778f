package analysis

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestFormatValue(t *testing.T) {
	cases := []struct {
		u      diagnostic.Unit
		v      float64
		es, en string
	}{
		{diagnostic.UnitPercent, 0.0215, "2,15\u00a0%", "2.15%"},
		{diagnostic.UnitPercent, 0.142857, "14,3\u00a0%", "14.3%"},
		{diagnostic.UnitPercent, 0.25, "25\u00a0%", "25%"},
		{diagnostic.UnitPercent, 0.012, "1,2\u00a0%", "1.2%"},
		{diagnostic.UnitMoney, 184250, "184.250\u00a0€", "€184,250"},
		{diagnostic.UnitMoney, 512.5, "512,50\u00a0€", "€512.50"},
		{diagnostic.UnitDays, 63.4, "63 días", "63 days"},
		{diagnostic.UnitMonths, 17.5, "17,5 meses", "17.5 months"},
		{diagnostic.UnitRatio, 2.6, "2,6×", "2.6×"},
		{diagnostic.UnitCount, 1245, "1.245", "1,245"},
		{diagnostic.UnitScore, 31, "31", "31"},
	}
	for _, c := range cases {
		if got := FormatValue(locale.ES, c.u, c.v, "EUR"); got != c.es {
			t.Errorf("es %s %v = %q, want %q", c.u, c.v, got, c.es)
		}
		if got := FormatValue(locale.EN, c.u, c.v, "EUR"); got != c.en {
			t.Errorf("en %s %v = %q, want %q", c.u, c.v, got, c.en)
		}
	}
}
