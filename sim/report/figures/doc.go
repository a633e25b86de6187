// Package figures draws print-ready maps and charts for planning documents
// with gonum/plot, from plain Go values.
//
// The package knows nothing of scenarios, networks or simulations: callers
// fill the input types (CoverageMap, HealthCircleMap, ComplianceMap,
// UtilisationMap, GainLossMap, CDFChart, Histogram, BarChart, HourlyChart,
// TreatmentChart) and call their Figure method, which checks the input once
// (NaN and infinite values are rejected with an error wrapping ErrBadValue)
// and returns a *Figure. A Figure writes itself as PNG, SVG or PDF to any
// io.Writer; the caller names the files.
//
// Units: times in minutes, distances in km, shares in [0, 1], coordinates
// WGS-84 longitude/latitude (orb.Point). A travel time of +Inf means
// "unreachable" and is accepted where a time is expected; NaN never is.
//
// Maps use a local equirectangular projection centred on the data, with the
// cos(latitude) aspect, so one km east and one km north have the same length
// on paper (see Projection). The figure's size follows the data's aspect
// within Options.Width and Options.MaxHeight.
//
// Text: Chinese names need a CJK font. LoadFont reads an OpenType/TrueType
// file or collection (.otf, .ttf, .ttc); FindFont searches the usual system
// places (Noto Sans CJK, Source Han Sans, WenQuanYi, Droid Sans Fallback,
// Microsoft YaHei, PingFang...). ResolveFont combines both and, when no font
// is found, returns a warning once; figures drawn with Options.Font == nil use
// the Latin font bundled with gonum/plot, English UI words and the Latin
// names (NameEn) of places, never boxes. Options.Lang chooses the language
// of titles, axes and legends (LangZH or LangEN); the fixed words live in one
// table (lang.go).
//
// PDF: gonum/plot's PDF backend can only encode text as cp1252, so this
// package rasterises every figure into its PDF page (the PNG drawn at
// Options.DPI, placed on a page of the figure's size). Text in the PDF is
// therefore not selectable, but Chinese renders exactly as in the PNG. SVG
// keeps text as text and names the font family; the viewer needs that font
// (or a CJK fallback) installed.
package figures
