// Package fyne stands in for the real toolkit in the guard's test.
package fyne

// Name identifies the stand-in.
const Name = "stand-in"
