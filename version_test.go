package main

import "testing"

func TestVersionFromTOML(t *testing.T) {
	if v := versionFrom(fyneAppTOML); v != "0.1.0" {
		t.Errorf("version from FyneApp.toml = %q, want 0.1.0", v)
	}
	if v := versionFrom("[Other]\nVersion = \"9\"\n"); v != "dev" {
		t.Errorf("version outside [Details] = %q, want dev", v)
	}
}
