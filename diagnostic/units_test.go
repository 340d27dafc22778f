package diagnostic

import (
	"math"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestFormatValue(t *testing.T) {
	tests := []struct {
		l    locale.Lang
		u    Unit
		v    float64
		cur  string
		want string
	}{
		{locale.ES, UnitPercent, 0.0215, "", "2,15\u00a0%"},
		{locale.EN, UnitPercent, 0.143, "", "14.3%"},
		{locale.ES, UnitPercent, 0.25, "", "25\u00a0%"},
		{locale.EN, UnitPercent, 0.14349, "", "14.3%"}, // one decimal from 10 % up
		{locale.ES, UnitMoney, 184250, "EUR", "184.250\u00a0€"},
		{locale.EN, UnitMoney, 512.5, "USD", "$512.50"},
		{locale.EN, UnitMoney, 1500, "", "1,500"},
		{locale.ES, UnitRatio, 2.44, "", "2,4×"},
		{locale.ES, UnitDays, 63.4, "", "63\u00a0días"},
		{locale.EN, UnitMonths, 7.5, "", "7.5\u00a0months"},
		{locale.ES, UnitCount, 1245, "", "1.245"},
		{locale.EN, UnitScore, 31, "", "31"},
		{locale.ES, UnitPercent, 0.142857, "", "14,3\u00a0%"},
		{locale.EN, UnitPercent, 0.012, "", "1.2%"},
		{locale.ES, UnitMoney, 512.5, "EUR", "512,50\u00a0€"},
		{locale.EN, UnitRatio, 2.6, "", "2.6×"},
		{locale.EN, UnitScore, math.NaN(), "", "–"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.l, tt.u, tt.v, tt.cur); got != tt.want {
			t.Errorf("FormatValue(%s, %s, %v) = %q, want %q", tt.l, tt.u, tt.v, got, tt.want)
		}
	}
}
