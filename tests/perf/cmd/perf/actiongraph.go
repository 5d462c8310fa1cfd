package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// action is the part of a `go build -debug-actiongraph` entry that is read.
type action struct {
	Mode      string
	Package   string
	TimeStart time.Time
	TimeDone  time.Time
	CmdReal   time.Duration
	CmdUser   time.Duration
}

// actiongraph sums a build's compile actions per module (-dir: where `go list -deps`
// maps packages to modules) and prints the modules and packages that took longest.
func actiongraph(args []string) error {
	fs := flag.NewFlagSet("actiongraph", flag.ContinueOnError)
	dir := fs.String("dir", ".", "the directory the build ran in")
	top := fs.Int("top", 8, "modules and packages listed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: perf actiongraph [-dir d] [-top n] actiongraph.json")
	}
	b, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("reading the action graph: %w", err)
	}
	var actions []action
	if err := json.Unmarshal(b, &actions); err != nil {
		return fmt.Errorf("parsing the action graph: %w", err)
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{else}}std{{end}}", ".")
	cmd.Dir = *dir
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -deps: %w", err)
	}
	moduleOf := map[string]string{}
	for _, line := range strings.Split(string(bytes.TrimSpace(out)), "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			moduleOf[f[0]] = f[1]
		}
	}
	type sum struct {
		Name    string  `json:"name"`
		CPUSec  float64 `json:"cpu_s"`
		WallSec float64 `json:"wall_s"`
		Actions int     `json:"actions"`
	}
	mods, pkgs := map[string]*sum{}, map[string]*sum{}
	var total sum
	var first, last time.Time
	add := func(m map[string]*sum, k string, a action) {
		s, ok := m[k]
		if !ok {
			s = &sum{Name: k}
			m[k] = s
		}
		s.CPUSec += a.CmdUser.Seconds()
		s.WallSec += a.TimeDone.Sub(a.TimeStart).Seconds()
		s.Actions++
	}
	for _, a := range actions {
		if a.TimeStart.IsZero() || a.TimeDone.IsZero() {
			continue
		}
		if first.IsZero() || a.TimeStart.Before(first) {
			first = a.TimeStart
		}
		if a.TimeDone.After(last) {
			last = a.TimeDone
		}
		if a.Mode != "build" || a.Package == "" {
			continue
		}
		mod := moduleOf[a.Package]
		if mod == "" {
			mod = "?"
		}
		add(mods, mod, a)
		add(pkgs, a.Package, a)
		total.CPUSec += a.CmdUser.Seconds()
		total.WallSec += a.TimeDone.Sub(a.TimeStart).Seconds()
		total.Actions++
	}
	rank := func(m map[string]*sum) []*sum {
		l := make([]*sum, 0, len(m))
		for _, s := range m {
			l = append(l, s)
		}
		sort.Slice(l, func(i, j int) bool { return l[i].WallSec > l[j].WallSec })
		return l[:min(*top, len(l))]
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"span_s":         last.Sub(first).Seconds(),
		"compile_wall_s": total.WallSec,
		"compile_cpu_s":  total.CPUSec,
		"compiles":       total.Actions,
		"top_modules":    rank(mods),
		"top_packages":   rank(pkgs),
	})
}
