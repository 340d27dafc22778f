// Package pipeline compares dated snapshots of a sales pipeline (deals
// exports of one organisation taken on different days): what entered,
// closed, slipped, grew or shrank between them, and how close dates slip.
// Pure Go over diagnostic.Deal values; the store keeps the snapshots and
// usecase loads them.
package pipeline
