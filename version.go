package main

import (
	"bufio"
	"strings"
)

// versionFrom returns the Version of the [Details] table of FyneApp.toml, or
// "dev" when it is missing.
func versionFrom(toml string) string {
	section := ""
	sc := bufio.NewScanner(strings.NewReader(toml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if ok && section == "Details" && strings.TrimSpace(key) == "Version" {
			return strings.Trim(strings.TrimSpace(val), `"`)
		}
	}
	return "dev"
}
