// Package report turns coverage and simulation results into files a planner
// uses: CSV (optionally with a UTF-8 BOM for Excel), JSON, GeoJSON, figures
// (PNG, SVG, PDF) and report.html / report.md.
//
// Outputs are staged in a hidden folder inside the output folder and moved
// into place only when a whole run succeeded (Staging), so a failed or
// rejected run leaves earlier results intact. Data files are byte-identical
// for the same scenario and seed: rows are sorted, numbers are formatted with
// fixed precision, and no date is written outside the report's manifest.
package report
