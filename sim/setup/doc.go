// Package setup writes a new study: a complete, commented scenario and its
// data files, from what "sim import osm" wrote (roads, facilities with
// guessed tiers, places with population where tagged) and the planner's
// choices (total population, the urban rule, ambulances per tier).
//
// Everything it cannot know is assumed by a stated rule and said so: in the
// scenario's comments, in an assumed column of the data, and in the README
// it writes beside the scenario. The result validates as it is, so a county
// goes from an OSM extract to "sim run" in a few commands; the planner then
// replaces the assumptions with their own figures.
package setup
