// Package crs converts coordinates between WGS-84, the datum of GPS and
// OpenStreetMap that sim uses inside, and the two obfuscated systems Chinese
// web maps use, which planners' facility lists often come in:
//
//   - GCJ-02 ("Mars coordinates"; AMap/Gaode, Tencent, Google Maps in China):
//     WGS-84 plus a smooth offset of a few hundred metres inside China, and
//     the identity outside China (a rectangle test, as every published
//     implementation uses).
//   - BD-09 (Baidu Maps): GCJ-02 plus a further rotation and shift.
//
// The forward formulas are the well-known public ones. The inverses solve the
// forward formula by fixed-point iteration, so a round trip is exact to well
// under a centimetre. All functions take and return longitude, latitude in
// degrees and are safe for concurrent use. Cost: a few trigonometric calls,
// about 10 more for an inverse.
package crs
