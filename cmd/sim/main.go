// Command sim is an emergency medical service coverage simulator for county
// and city health planners: it loads a road network and a scenario, computes
// static coverage (10/30-minute ambulance circle, 15-minute health-service
// circle), simulates a year of calls, compares deployments and draws maps.
//
// Run "sim --help" for the list of commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
