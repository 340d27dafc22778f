package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// f64 returns a pointer to v, for optional values.
func f64(v float64) *float64 { return &v }

// samplePNG draws a w×h chart-like PNG: a white background, a frame, grid
// lines and seed-dependent bars, so each sample chart looks different.
func samplePNG(w, h, seed int) []byte {
	key := [3]int{w, h, seed}
	if b, ok := samplePNGs.Load(key); ok {
		return bytes.Clone(b.([]byte))
	}
	b := drawSamplePNG(w, h, seed)
	samplePNGs.Store(key, b)
	return bytes.Clone(b)
}

// samplePNGs caches the sample charts: drawing them pixel by pixel takes
// longer than rendering the report, which the fuzz test does many times.
var samplePNGs sync.Map

// drawSamplePNG draws one sample chart.
func drawSamplePNG(w, h, seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.White)
		}
	}
	grey := color.RGBA{200, 206, 214, 255}
	for y := h / 6; y < h-h/8; y += h / 6 {
		for x := w / 10; x < w-w/20; x++ {
			img.Set(x, y, grey)
		}
	}
	bar := color.RGBA{22, 58, 107, 255}
	n := 7
	for i := range n {
		v := 0.3 + 0.6*math.Abs(math.Sin(float64(seed*7+i)))
		x0 := w/10 + i*(w-w/5)/n + 6
		x1 := x0 + (w-w/5)/n - 12
		y0 := h - h/8 - int(v*float64(h-h/4))
		for y := y0; y < h-h/8; y++ {
			for x := x0; x < x1; x++ {
				img.Set(x, y, bar)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// pillarNames are the seven pillars in both languages.
var pillarNames = [][3]string{
	{"objectives", "Objetivos y KPI", "Objectives and KPIs"},
	{"kpi_selection", "Selección de KPI", "KPI selection"},
	{"data_tools", "Datos y herramientas", "Data and tools"},
	{"benchmarks_targets", "Referencias y metas", "Benchmarks and targets"},
	{"data_culture", "Cultura de datos", "Data-driven culture"},
	{"monitoring", "Seguimiento y mejora continua", "Monitoring and continuous improvement"},
	{"alignment", "Alineación entre equipos", "Cross-team alignment"},
}

// questions are three per pillar, in both languages.
var questions = [][2]string{
	{"¿Están escritos los objetivos de negocio del año y cada uno tiene KPI asociados?", "Are this year's business objectives written down, each with its KPIs?"},
	{"¿Sabe cada equipo qué KPI miden su contribución a los objetivos?", "Does each team know which KPIs measure its contribution?"},
	{"¿Se revisa la relación entre objetivos y KPI cuando cambia la estrategia?", "Is the mapping of objectives to KPIs revisited when strategy changes?"},
	{"¿Cada KPI tiene una definición única y medible?", "Does each KPI have one measurable definition?"},
	{"¿Tiene cada KPI un responsable con nombre y apellidos?", "Does each KPI have a named owner?"},
	{"¿Se mide cada KPI con la frecuencia que necesita?", "Is each KPI measured as often as it needs?"},
	{"¿Se recogen los datos comerciales de forma sistemática?", "Is commercial data collected systematically?"},
	{"¿Hay una única fuente de verdad para clientes, oportunidades e ingresos?", "Is there one source of truth for customers, deals and revenue?"},
	{"¿Los informes se generan automáticamente, sin hojas de cálculo a mano?", "Are reports produced automatically, without manual spreadsheets?"},
	{"¿Tienen los KPI principales objetivos numéricos con fecha?", "Do the main KPIs have dated numeric targets?"},
	{"¿Comparáis vuestros KPI con referencias del sector?", "Do you compare your KPIs with industry benchmarks?"},
	{"¿Se comparan los resultados con el mismo periodo del año anterior?", "Are results compared with the same period last year?"},
	{"¿Las decisiones importantes se apoyan en datos y no en intuición?", "Are major decisions based on data rather than intuition?"},
	{"¿Cualquier persona del equipo puede consultar los KPI que le afectan?", "Can anyone on the team see the KPIs that affect them?"},
	{"¿Se forma al equipo para interpretar datos?", "Is the team trained to read data?"},
	{"¿Hay una reunión periódica de revisión de KPI con acciones y responsables?", "Is there a regular KPI review with actions and owners?"},
	{"¿Se analizan tendencias y patrones, no solo la última cifra?", "Are trends and patterns analysed, not just the latest figure?"},
	{"¿Se prueban cambios con experimentos medibles?", "Are changes tested with measurable experiments?"},
	{"¿Ventas, marketing y éxito del cliente comparten las definiciones de lead y cliente?", "Do sales, marketing and customer success share lead and customer definitions?"},
	{"¿Los equipos colaboran con regularidad sobre los mismos datos?", "Do the teams regularly work together on the same data?"},
	{"¿Se celebran los logros y se abordan los problemas que muestran los datos?", "Are successes celebrated and problems shown by the data tackled?"},
}

// sampleData is a realistic Spanish SaaS company: three respondents, seven
// pillars, twelve KPIs, twelve recommendations, accents everywhere and
// small PNG charts. Free text is in lang, as the integration will supply it.
func sampleData(lang locale.Lang) Data {
	p := func(es, en string) string { return lang.Pick(es, en) }
	scores := []float64{68, 54, 41, 29, 58, 37, 46}
	prev := []float64{60, 50, 45, 20, 51, 37, 39}
	levels := []int{4, 3, 3, 2, 3, 2, 3}
	bases := []float64{1, 1, 0.83, 0.67, 1, 0.92, 1}
	var pillars []Pillar
	for i, n := range pillarNames {
		pillars = append(pillars, Pillar{ID: n[0], Name: p(n[1], n[2]), Score: f64(scores[i]), Level: levels[i], Basis: bases[i], Previous: f64(prev[i])})
	}
	q := func(i int) string { return p(questions[i][0], questions[i][1]) }
	pn := func(i int) string { return p(pillarNames[i][1], pillarNames[i][2]) }

	kpi := func(id, es, en string, unit diagnostic.Unit, latest, target float64, b *Benchmark, st Status, tr Trend, key bool, owner string) KPIRow {
		r := KPIRow{ID: id, Name: p(es, en), Unit: unit, Latest: f64(latest), Period: diagnostic.Month{Year: 2026, Month: time.October},
			Status: st, Trend: tr, Key: key, Owner: owner, Benchmark: b, Direction: diagnostic.HigherIsBetter}
		if !math.IsNaN(target) {
			r.Target = f64(target)
		}
		if st == StatusOffTrack || tr == TrendWorsening {
			r.Chart = samplePNG(900, 500, len(id))
		}
		return r
	}
	bm := func(p25, med, p75 float64, src string, year int) *Benchmark {
		return &Benchmark{P25: f64(p25), Median: f64(med), P75: f64(p75), Source: src, Year: year}
	}
	kpis := []KPIRow{
		kpi("mrr", "Ingresos recurrentes mensuales (MRR)", "Monthly recurring revenue (MRR)", diagnostic.UnitMoney, 184250, 200000, nil, StatusAtRisk, TrendImproving, true, p("Dirección financiera", "Finance lead")),
		kpi("arr", "Ingresos recurrentes anuales (ARR)", "Annual recurring revenue (ARR)", diagnostic.UnitMoney, 2211000, 2400000, nil, StatusAtRisk, TrendImproving, false, p("Dirección financiera", "Finance lead")),
		kpi("nrr", "Retención neta de ingresos (NRR)", "Net revenue retention (NRR)", diagnostic.UnitPercent, 0.962, 1.05, bm(0.95, 1.02, 1.1, "KeyBanc SaaS Survey", 2024), StatusOffTrack, TrendWorsening, true, p("Éxito del cliente", "Customer success")),
		kpi("logo_churn", "Bajas de clientes (mensual)", "Logo churn (monthly)", diagnostic.UnitPercent, 0.0215, 0.015, bm(0.01, 0.015, 0.025, "Recurly Churn Report", 2023), StatusOffTrack, TrendWorsening, true, p("Éxito del cliente", "Customer success")),
		kpi("win_rate", "Tasa de cierre", "Win rate", diagnostic.UnitPercent, 0.185, 0.22, bm(0.15, 0.21, 0.3, "HubSpot Sales Trends", 2023), StatusOffTrack, TrendStable, true, p("Íñigo Peña", "Íñigo Peña")),
		kpi("sales_cycle_days", "Ciclo de venta", "Sales cycle", diagnostic.UnitDays, 63, 55, bm(40, 60, 90, "HubSpot Sales Trends", 2023), StatusAtRisk, TrendWorsening, false, p("Ventas", "Sales")),
		kpi("cac", "Coste de adquisición de cliente (CAC)", "Customer acquisition cost (CAC)", diagnostic.UnitMoney, 6840.7, 6000, bm(4200, 5800, 8100, "OpenView SaaS Benchmarks", 2023), StatusAtRisk, TrendStable, false, p("Marketing", "Marketing")),
		kpi("ltv_to_cac", "Relación LTV/CAC", "LTV to CAC", diagnostic.UnitRatio, 2.6, 3, bm(2, 3, 4.5, "KeyBanc SaaS Survey", 2024), StatusOffTrack, TrendImproving, true, ""),
		kpi("cac_payback_months", "Recuperación del CAC", "CAC payback", diagnostic.UnitMonths, 17.5, 15, bm(12, 17, 24, "KeyBanc SaaS Survey", 2024), StatusAtRisk, TrendStable, false, ""),
		kpi("pipeline_coverage", "Cobertura del pipeline", "Pipeline coverage", diagnostic.UnitRatio, 2.4, 3, nil, StatusOffTrack, TrendImproving, false, p("Ventas", "Sales")),
		kpi("nps", "Net Promoter Score (NPS)", "Net Promoter Score (NPS)", diagnostic.UnitScore, 31, 40, bm(20, 36, 50, "Retently NPS Benchmarks", 2024), StatusAtRisk, TrendImproving, true, p("Éxito del cliente", "Customer success")),
		kpi("leads", "Leads nuevos", "New leads", diagnostic.UnitCount, 1245, math.NaN(), nil, StatusNoTarget, TrendImproving, false, p("Marketing", "Marketing")),
	}

	type rec struct {
		es, en, evES, evEN, owner string
		h                         Horizon
	}
	recsRaw := []rec{
		{"Define con marketing qué es un lead preparado para ventas", "Agree with marketing what a sales-ready lead is", "La tasa de cierre es del 18,5 % frente a una mediana del 21 % (HubSpot 2023); ventas y marketing difieren 3 puntos en la definición de lead.", "Win rate is 18.5% against a median of 21% (HubSpot 2023); sales and marketing differ by 3 points on the lead definition.", "sales", Horizon30},
		{"Pon en marcha una revisión mensual de KPI con acciones y responsables", "Start a monthly KPI review with actions and owners", "Seguimiento y mejora continua puntúa 37 sobre 100.", "Monitoring & continuous improvement scores 37 out of 100.", "revops", Horizon30},
		{"Lanza un plan de retención para las cuentas con riesgo de baja", "Launch a retention plan for accounts at risk of churning", "Las bajas mensuales (2,15 %) superan el objetivo del 1,5 % y empeoran desde junio.", "Monthly churn (2.15%) is above the 1.5% target and has worsened since June.", "customer_success", Horizon30},
		{"Asigna un responsable a cada KPI del plan", "Name an owner for every KPI of the plan", "3 de 12 KPI no tienen responsable.", "3 of 12 KPIs have no owner.", "revops", Horizon30},
		{"Fija objetivos con fecha para los KPI que no los tienen", "Set dated targets for the KPIs without one", "Leads nuevos no tiene objetivo; referencias y objetivos puntúa 29.", "New leads has no target; benchmarks & targets scores 29.", "leadership", Horizon30},
		{"Unifica clientes, oportunidades e ingresos en el CRM", "Bring customers, deals and revenue together in the CRM", "Datos y herramientas puntúa 41; los informes se preparan a mano en hojas de cálculo.", "Data & tools scores 41; reports are prepared by hand in spreadsheets.", "operations", Horizon60},
		{"Automatiza el informe semanal de pipeline", "Automate the weekly pipeline report", "La cobertura del pipeline (2,4×) está por debajo del objetivo de 3×.", "Pipeline coverage (2.4×) is below the 3× target.", "sales", Horizon60},
		{"Revisa el gasto por canal para bajar el CAC", "Review spend by channel to lower CAC", "El CAC (6.840,50 €) supera el objetivo de 6.000 € y la mediana del sector (5.800 €).", "CAC (€6,840.50) is above the €6,000 target and the industry median (€5,800).", "marketing", Horizon60},
		{"Ofrece ampliaciones a los clientes con más uso", "Offer upgrades to the most active customers", "La NRR (96,2 %) está por debajo del 105 % objetivo.", "NRR (96.2%) is below the 105% target.", "customer_success", Horizon60},
		{"Forma a los equipos en la lectura de tendencias", "Train the teams to read trends", "Cultura de datos puntúa 58; solo la dirección consulta los KPI.", "Data-driven culture scores 58; only leadership looks at the KPIs.", "leadership", Horizon90},
		{"Diseña un experimento de precios para el plan básico", "Design a pricing experiment for the basic plan", "La relación LTV/CAC (2,6×) no llega a 3×.", "LTV to CAC (2.6×) is short of 3×.", "finance", Horizon90},
		{"Celebra la mejora del NPS con el equipo de soporte", "Celebrate the NPS improvement with the support team", "El NPS ha subido de 24 a 31 en seis meses.", "NPS has risen from 24 to 31 in six months.", "customer_success", Horizon90},
	}
	var recs []Recommendation
	for i, r := range recsRaw {
		recs = append(recs, Recommendation{Title: p(r.es, r.en), Evidence: p(r.evES, r.evEN), Owner: r.owner, Horizon: r.h, Priority: i + 1,
			Detail: p("Responsable del seguimiento: revisión en la próxima reunión de dirección.", "Follow-up: review at the next leadership meeting.")})
	}

	depts := []diagnostic.Department{diagnostic.DeptLeadership, diagnostic.DeptSales, diagnostic.DeptMarketing}
	align := []AlignmentItem{
		{Pillar: pn(6), Question: q(18), Values: map[diagnostic.Department]*float64{diagnostic.DeptLeadership: f64(3), diagnostic.DeptSales: f64(1), diagnostic.DeptMarketing: f64(4)}, Spread: 3},
		{Pillar: pn(2), Question: q(8), Values: map[diagnostic.Department]*float64{diagnostic.DeptLeadership: f64(4), diagnostic.DeptSales: f64(2), diagnostic.DeptMarketing: f64(2)}, Spread: 2},
		{Pillar: pn(4), Question: q(12), Values: map[diagnostic.Department]*float64{diagnostic.DeptLeadership: f64(5), diagnostic.DeptSales: f64(3), diagnostic.DeptMarketing: nil}, Spread: 2},
	}

	answers := make([]AnswerRow, len(questions))
	for i := range questions {
		answers[i] = AnswerRow{Pillar: pn(i / 3), Question: q(i), Values: []int{1 + (i*3)%5, 1 + (i*2+1)%5, 1 + (i+2)%5}}
	}
	answers[4].Values[1] = diagnostic.NA
	answers[10].Values[2] = Unanswered

	return Data{
		Organisation:   "Nubéntica Software, S.L.",
		AssessmentDate: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		PreviousDate:   time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC),
		Consultant:     Consultant{Name: "Lucía Martínez Ortega", Company: "Análisis Comercial Ibérico", Logo: samplePNG(480, 160, 3)},
		Lang:           lang,
		Currency:       "EUR",
		Overall:        Score{Score: f64(47.6), Level: 3, Basis: 0.93},
		Pillars:        pillars,
		Strengths: []Finding{
			{Pillar: pn(0), Score: f64(68), Questions: []string{q(0), q(1)}},
			{Pillar: pn(4), Score: f64(58), Questions: []string{q(12)}},
			{Pillar: pn(1), Score: f64(54), Questions: []string{q(3)}},
		},
		Gaps: []Finding{
			{Pillar: pn(3), Score: f64(29), Questions: []string{q(10), q(9)}},
			{Pillar: pn(5), Score: f64(37), Questions: []string{q(15)}},
			{Pillar: pn(2), Score: f64(41), Questions: []string{q(8)}},
		},
		Departments:     depts,
		Alignment:       align,
		KPIs:            kpis,
		Recommendations: recs,
		Appendix: Appendix{
			Respondents: []Respondent{{"María José Núñez", diagnostic.DeptLeadership}, {"Íñigo Peña", diagnostic.DeptSales}, {"Begoña Ibáñez", diagnostic.DeptMarketing}},
			Answers:     answers,
			KPIDefinitions: []KPIDefinition{
				{p("Retención neta de ingresos (NRR)", "Net revenue retention (NRR)"), p("Ingresos recurrentes que conservas de los clientes de hace doce meses, con ampliaciones y reducciones.", "Recurring revenue kept from the customers of twelve months ago, with expansion and contraction."), p("(MRR inicial + ampliación − reducción − bajas) ÷ MRR inicial", "(starting MRR + expansion − contraction − churn) ÷ starting MRR"), false},
				{p("Tasa de cierre", "Win rate"), p("Oportunidades ganadas sobre las cerradas del periodo.", "Deals won over deals closed in the period."), p("ganadas ÷ (ganadas + perdidas)", "won ÷ (won + lost)"), false},
				{p("Coste de adquisición de cliente (CAC)", "Customer acquisition cost (CAC)"), p("Gasto de ventas y marketing por cliente nuevo.", "Sales and marketing spend per new customer."), p("gasto de ventas y marketing ÷ clientes nuevos", "sales and marketing spend ÷ new customers"), false},
			},
			Sources: []Source{
				{Name: "KeyBanc Capital Markets · SaaS Survey", Year: 2024, Scope: p("SaaS B2B privadas, 5–50 M$ de ARR", "Private B2B SaaS, $5–50M ARR")},
				{Name: "HubSpot · Sales Trends Report", Year: 2023, Scope: p("Pymes B2B, global", "B2B SMBs, global")},
				{Name: "Recurly · Churn Report", Year: 2023, Scope: p("Suscripciones B2B", "B2B subscriptions"), URL: "https://recurly.com/research/churn-rate-benchmarks/"},
			},
		},
		Charts: Charts{Radar: samplePNG(800, 800, 1), Pillars: samplePNG(1000, 640, 2), Alignment: samplePNG(1200, 560, 4)},
	}
}

// minimalData is a one-respondent organisation with no KPI data and no
// recommendations: the smallest report that must still render.
func minimalData() Data {
	return Data{
		Organisation:   "Panadería Ñandú",
		AssessmentDate: time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC),
		Lang:           locale.ES,
		Overall:        Score{Score: f64(35), Level: 2, Basis: 0.6},
		Pillars:        []Pillar{{ID: "objectives", Name: "Objetivos y KPI", Score: f64(35), Level: 2, Basis: 0.6}, {ID: "data_tools", Name: "Datos y herramientas", Score: nil, Basis: 0.3}},
		Departments:    []diagnostic.Department{diagnostic.DeptLeadership},
		Appendix: Appendix{
			Respondents: []Respondent{{"Ana", diagnostic.DeptLeadership}},
			Answers:     []AnswerRow{{Pillar: "Objetivos y KPI", Question: "¿Están escritos los objetivos?", Values: []int{2}}},
		},
	}
}
