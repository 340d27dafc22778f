package cli

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChart(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	runDB(t, db, "", "org", "add", "--name", "Empty")
	for _, tc := range []struct{ typ, kpi string }{{"radar", ""}, {"pillars", ""}, {"alignment", ""}, {"trend", "win_rate"}, {"funnel", ""}, {"scorecard", "revenue"}} {
		out := filepath.Join(dir, tc.typ+".png")
		args := []string{"chart", "--org", "Demo", "--type", tc.typ, "--out", out, "--width", "400", "--height", "300"}
		if tc.kpi != "" {
			args = append(args, "--kpi", tc.kpi)
		}
		code, stdout, errOut := runDB(t, db, "", args...)
		b, _ := os.ReadFile(out)
		if code != ExitOK || errOut != "" || stdout != "" || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("%s: %d %q %q, %d bytes", tc.typ, code, stdout, errOut, len(b))
		}
		// IHDR: 400 × 300.
		if len(b) > 24 && (be32(b[16:20]) != 400 || be32(b[20:24]) != 300) {
			t.Errorf("%s: %d×%d", tc.typ, be32(b[16:20]), be32(b[20:24]))
		}
		// No data for the organisation without any: the "no data" image,
		// a warning, exit 0.
		args[2] = "Empty"
		code, _, errOut = runDB(t, db, "", args...)
		if code != ExitOK || !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "no data") {
			t.Errorf("%s on Empty: %d %q", tc.typ, code, errOut)
		}
	}
	// SVG from the extension, replacing an existing file; dark and English.
	svg := filepath.Join(dir, "radar.svg")
	os.WriteFile(svg, []byte("old"), 0o644)
	if code, _, errOut := runDB(t, db, "", "chart", "--org", "Demo", "--type", "radar", "--out", svg, "--dark", "--lang", "en"); code != ExitOK {
		t.Fatalf("svg: %q", errOut)
	}
	b, _ := os.ReadFile(svg)
	if err := xml.Unmarshal(b, new(struct{})); err != nil || !bytes.Contains(b, []byte("Objectives and KPIs")) {
		t.Errorf("svg: %v %.200s", err, b)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"chart", "--org", "Demo", "--type", "pie", "--out", "x.png"}, ExitError, `chart type "pie"`},
		{[]string{"chart", "--org", "Demo", "--type", "trend", "--kpi", "nope", "--out", filepath.Join(dir, "n.png")}, ExitError, `unknown KPI "nope"`},
		{[]string{"chart", "--org", "Nope", "--type", "radar", "--out", filepath.Join(dir, "n.png")}, ExitError, `no organisation named "Nope"`},
		{[]string{"chart", "--org", "Demo", "--type", "trend", "--out", "x.png"}, ExitUsage, "needs --kpi"},
		{[]string{"chart", "--org", "Demo", "--type", "radar"}, ExitUsage, "--out"},
		{[]string{"chart", "--org", "Demo", "--type", "radar", "--format", "gif", "--out", "x.gif"}, ExitUsage, "--format"},
		{[]string{"chart", "--org", "Demo", "--type", "radar", "--width", "5", "--out", filepath.Join(dir, "n.png")}, ExitError, "chart size"},
	}
	for _, tc := range cases {
		if code, _, errOut := runDB(t, db, "", tc.args...); code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "n.png")); err == nil {
		t.Error("a failed chart wrote its file")
	}
}

func be32(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
