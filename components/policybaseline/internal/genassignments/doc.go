// Command genassignments regenerates components/policybaseline/ASSIGNMENTS.md from
// the embedded library (run by go generate in components/policybaseline).
package main
