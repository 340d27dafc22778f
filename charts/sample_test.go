package charts

import (
	"math"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Sample data shared by the tests, the gallery and the benchmark.

// pillarNames are the seven pillars in their longest Spanish and English
// wording.
func pillarNames(l locale.Lang) []string {
	if l == locale.ES {
		return []string{"Objetivos y alineación de KPI", "Selección de KPI", "Datos y herramientas",
			"Referencias y objetivos", "Cultura basada en datos", "Monitorización y mejora continua", "Alineación entre equipos"}
	}
	return []string{"Objectives & KPI alignment", "KPI selection", "Data & tools",
		"Benchmarks & targets", "Data-driven culture", "Monitoring & continuous improvement", "Cross-team alignment"}
}

func deptNames(l locale.Lang) []string {
	if l == locale.ES {
		return []string{"Dirección", "Ventas", "Marketing", "Éxito del cliente", "Finanzas", "Operaciones"}
	}
	return []string{"Leadership", "Sales", "Marketing", "Customer success", "Finance", "Operations"}
}

func fs(vs ...float64) []*float64 {
	out := make([]*float64, len(vs))
	for i, v := range vs {
		if v >= 0 {
			out[i] = F(v)
		}
	}
	return out
}

func sampleRadar(l locale.Lang, depts bool) RadarData {
	d := RadarData{Axes: pillarNames(l), Series: []Series{
		{Name: l.Pick("Noviembre 2026", "November 2026"), Values: fs(72, 55, 38, 64, 47, 81, 30), Kind: Primary},
		{Name: l.Pick("Mayo 2026", "May 2026"), Values: fs(60, 50, 30, 45, 40, 70, 35), Kind: Earlier},
	}}
	if depts {
		dn := deptNames(l)
		d.Series = append(d.Series,
			Series{Name: dn[1], Values: fs(80, 60, 45, 70, 55, 85, 20), Kind: Department},
			Series{Name: dn[2], Values: fs(65, 50, 30, 58, 40, 75, 62), Kind: Department},
			Series{Name: dn[3], Values: fs(70, 52, 40, 62, 46, 80, 35), Kind: Department})
	}
	return d
}

func samplePillars(l locale.Lang, earlier bool) PillarData {
	cur := fs(72, 55, 38, 64, 47, 81, 30)
	old := fs(60, 50, 30, 45, 40, 70, 35)
	var d PillarData
	for i, n := range pillarNames(l) {
		p := PillarScore{Name: n, Score: cur[i]}
		if earlier {
			p.Earlier = old[i]
		}
		d.Pillars = append(d.Pillars, p)
	}
	return d
}

func sampleAlignment(l locale.Lang) AlignmentData {
	dn := deptNames(l)
	return AlignmentData{
		Pillars: pillarNames(l),
		Departments: []DepartmentScores{
			{Name: dn[0], Scores: fs(85, 60, 45, 70, 65, 80, 70)},
			{Name: dn[1], Scores: fs(80, 60, 45, 70, 55, 85, 20)},
			{Name: dn[2], Scores: fs(65, 50, 30, 58, 40, 75, 62)},
			{Name: dn[3], Scores: fs(70, 52, 40, 62, 46, -1, 35)},
			{Name: dn[4], Scores: fs(50, 45, 55, 40, 60, 70, 45)},
		},
		Flagged: []bool{false, false, false, false, false, false, true},
	}
}

var start = diagnostic.Month{Year: 2024, Month: time.December}

// sampleRevenue is n months of revenue growing with a seasonal wave, a
// missing month, a target that steps up each January and a benchmark band.
func sampleRevenue(l locale.Lang, n int) TrendData {
	d := TrendData{Title: l.Pick("Ingresos mensuales", "Monthly revenue")}
	for i := range n {
		v := 82000 + 1900*float64(i) + 9000*math.Sin(float64(i)/1.9)
		p := Point{Month: start.Add(i), Value: F(math.Round(v))}
		if i == 7 {
			p.Value = nil
		}
		if i == 15 {
			p.Value, p.Outlier = F(150000), true
		}
		d.Points = append(d.Points, p)
	}
	d.Targets = []TargetStep{{From: start, Value: 90000}, {From: diagnostic.Month{Year: 2025, Month: 1}, Value: 100000}, {From: diagnostic.Month{Year: 2026, Month: 1}, Value: 125000}}
	d.Benchmark = &Benchmark{P25: F(85000), Median: F(100000), P75: F(118000), Source: l.Pick("Encuesta SaaS España 2025 (empresas de 10–50 empleados)", "Spain SaaS survey 2025 (10–50 employees)")}
	return d
}

func sampleWinRate(l locale.Lang) TrendData {
	d := TrendData{Title: l.Pick("Tasa de cierre", "Win rate")}
	vals := []float64{0.18, 0.21, 0.19, 0.22, 0.24, 0.20, 0.23, 0.26, 0.25, 0.11, 0.27, 0.28}
	for i, v := range vals {
		d.Points = append(d.Points, Point{Month: start.Add(i), Value: F(v), Outlier: i == 9})
	}
	d.Targets = []TargetStep{{From: start, Value: 0.25}}
	d.Benchmark = &Benchmark{P25: F(0.17), Median: F(0.215), P75: F(0.26), Source: "Bridge Group 2025"}
	return d
}

func sampleLeads(l locale.Lang, n int) TrendData {
	d := TrendData{Title: l.Pick("Leads por mes", "Leads per month")}
	for i := range n {
		d.Points = append(d.Points, Point{Month: start.Add(i), Value: F(math.Round(1200 + 15*float64(i) + 300*math.Sin(float64(i)/2.3)))})
	}
	return d
}

func sampleNetProfit(l locale.Lang) TrendData {
	d := TrendData{Title: l.Pick("Beneficio neto", "Net profit")}
	for i := range 18 {
		d.Points = append(d.Points, Point{Month: start.Add(i), Value: F(-42000 + 4100*float64(i))})
	}
	d.Targets = []TargetStep{{From: start, Value: 0}}
	return d
}

func sampleExtreme(l locale.Lang) TrendData {
	d := TrendData{Title: l.Pick("Valor de la cartera de oportunidades en el trimestre en curso", "Pipeline value in the current quarter")}
	for i, v := range []float64{1e3, 1e6, 4.5e9, 1.2e12, 9.9e11, 3e12} {
		d.Points = append(d.Points, Point{Month: start.Add(i), Value: F(v)})
	}
	return d
}

func sampleTiles(l locale.Lang) []TileData {
	nov := diagnostic.Month{Year: 2026, Month: time.November}
	return []TileData{
		{Title: l.Pick("Tasa de cierre", "Win rate"), Month: nov, Value: F(0.215), Previous: F(0.19), Target: F(0.25),
			Benchmark: &Benchmark{P25: F(0.17), Median: F(0.215), P75: F(0.26)}},
		{Title: l.Pick("Coste de adquisición de cliente (CAC)", "Customer acquisition cost (CAC)"), Month: nov, Value: F(1234.5), Previous: F(1100),
			Target: F(1000), Direction: diagnostic.LowerIsBetter, Benchmark: &Benchmark{P25: F(800), Median: F(1100), P75: F(1500)}},
		{Title: l.Pick("Ingresos", "Revenue"), Month: nov, Value: F(1234567), Previous: F(1234567), Target: F(1200000)},
	}
}
