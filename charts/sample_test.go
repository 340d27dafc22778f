package charts

import "github.com/revopsdx/revopsdx/diagnostic/locale"

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
