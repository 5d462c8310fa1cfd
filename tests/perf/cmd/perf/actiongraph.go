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
	moduleOf, err := modulesOf(*dir)
	if err != nil {
		return err
	}
	mods, pkgs := map[string]*actionSum{}, map[string]*actionSum{}
	var total actionSum
	var first, last time.Time
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
		addAction(mods, mod, a)
		addAction(pkgs, a.Package, a)
		total.add(a)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"span_s":         last.Sub(first).Seconds(),
		"compile_wall_s": total.WallSec,
		"compile_cpu_s":  total.CPUSec,
		"compiles":       total.Actions,
		"top_modules":    rankActions(mods, *top),
		"top_packages":   rankActions(pkgs, *top),
	})
}

// modulesOf maps each package the build in dir depends on to its module ("std"
// for the standard library).
func modulesOf(dir string) (map[string]string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{else}}std{{end}}", ".")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps: %w", err)
	}
	moduleOf := map[string]string{}
	for _, line := range strings.Split(string(bytes.TrimSpace(out)), "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			moduleOf[f[0]] = f[1]
		}
	}
	return moduleOf, nil
}

// actionSum is the compile time of a module or a package.
type actionSum struct {
	Name    string  `json:"name"`
	CPUSec  float64 `json:"cpu_s"`
	WallSec float64 `json:"wall_s"`
	Actions int     `json:"actions"`
}

func (s *actionSum) add(a action) {
	s.CPUSec += a.CmdUser.Seconds()
	s.WallSec += a.TimeDone.Sub(a.TimeStart).Seconds()
	s.Actions++
}

// addAction adds an action to the sum of key k.
func addAction(m map[string]*actionSum, k string, a action) {
	s, ok := m[k]
	if !ok {
		s = &actionSum{Name: k}
		m[k] = s
	}
	s.add(a)
}

// rankActions returns the top sums, longest wall time first.
func rankActions(m map[string]*actionSum, top int) []*actionSum {
	l := make([]*actionSum, 0, len(m))
	for _, s := range m {
		l = append(l, s)
	}
	sort.Slice(l, func(i, j int) bool { return l[i].WallSec > l[j].WallSec })
	return l[:min(top, len(l))]
}
