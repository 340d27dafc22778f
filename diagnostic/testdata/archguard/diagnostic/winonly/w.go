// Package winonly imports the toolkit only when built for Windows.
package winonly
