package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const (
	beginMark = "<!-- bench:begin (scripts/bench writes from here to bench:end) -->"
	endMark   = "<!-- bench:end -->"
)

// report reads the results scripts/bench leaves in a directory and writes the
// figures between the markers of the Markdown file (the rest of it is left alone).
func report(args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	dir := fs.String("dir", "", "the results directory")
	out := fs.String("o", "", "the Markdown file to update")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || *out == "" {
		return errors.New("usage: perf report -dir results -o BENCHMARKS.md")
	}
	r := &results{dir: *dir}
	body, err := r.render()
	if err != nil {
		return err
	}
	old, err := os.ReadFile(*out)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("reading %s: %w", *out, err)
	}
	doc := string(old)
	i, j := strings.Index(doc, beginMark), strings.Index(doc, endMark)
	block := beginMark + "\n" + body + endMark
	switch {
	case i >= 0 && j > i:
		doc = doc[:i] + block + doc[j+len(endMark):]
	default:
		doc += "\n" + block + "\n"
	}
	if err := os.WriteFile(*out, []byte(doc), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return nil
}

type results struct {
	dir   string
	bench map[string]map[string][]float64
	b     strings.Builder
}

func (r *results) path(name string) string { return filepath.Join(r.dir, name) }

func (r *results) p(format string, args ...any) { fmt.Fprintf(&r.b, format, args...) }

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+\d+\s+(.*)$`)

// loadBench parses `go test -bench` output: benchmark → unit → one value per run.
func (r *results) loadBench() error {
	r.bench = map[string]map[string][]float64{}
	if err := parseBench(r.path("bench.txt"), r.bench); err != nil {
		return err
	}
	// The hot-spot fixes' lines are "before:Benchmark..." and "after:Benchmark...".
	if err := parseBench(r.path("experiment.txt"), r.bench); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// parseBench adds a `go test -bench` output's lines to bench (benchmark → unit → one
// value per run); a line may carry a "label:" prefix, kept in the name.
func parseBench(path string, bench map[string]map[string][]float64) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("the Go benchmarks' output: %w", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := sc.Text()
		label := ""
		if i := strings.Index(text, ":Benchmark"); i > 0 && !strings.ContainsAny(text[:i], " \t") {
			label, text = text[:i+1], text[i+1:]
		}
		m := benchLine.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		name := label + m[1]
		fields := strings.Fields(m[3])
		units := bench[name]
		if units == nil {
			units = map[string][]float64{}
			bench[name] = units
		}
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			units[fields[i+1]] = append(units[fields[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

// get returns the median of a benchmark's unit over the runs, and whether it ran.
func (r *results) get(name, unit string) (float64, bool) {
	vs := r.bench[name][unit]
	if len(vs) == 0 {
		return 0, false
	}
	return medianF(vs), true
}

func (r *results) runs(name string) int { return len(r.bench[name]["ns/op"]) }

func medianF(vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func verdict(ok bool) string {
	if ok {
		return "**met**"
	}
	return "**not met**"
}

// dur renders nanoseconds with a unit that keeps three significant figures.
func dur(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.2f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func (r *results) render() (string, error) {
	if err := r.loadBench(); err != nil {
		return "", err
	}
	r.machine()
	r.rules()
	r.server()
	r.typescript()
	r.engine()
	r.programs()
	r.build()
	r.experiments()
	return r.b.String(), nil
}

func (r *results) machine() {
	r.p("### The machine of this run\n\n")
	b, err := os.ReadFile(r.path("env.txt"))
	if err != nil {
		r.p("(not recorded)\n\n")
		return
	}
	r.p("| | |\n| --- | --- |\n")
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			r.p("| %s | %s |\n", strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	r.p("\n")
}

func (r *results) rules() {
	r.p("### Rule evaluation (in-process)\n\n")
	r.p("Median of %d runs (`go test -bench . -benchmem -count N` in `tests/perf`).\n\n", r.runs("BenchmarkPack/all/resources=1000"))
	pack1, ok1 := r.get("BenchmarkPack/all/resources=1000", "ns/op")
	pack10, ok10 := r.get("BenchmarkPack/all/resources=10000", "ns/op")
	as10, okAS := r.get("BenchmarkAnalyzeStackInProcess/resources=10000", "ns/op")
	as1, _ := r.get("BenchmarkAnalyzeStackInProcess/resources=1000", "ns/op")
	if ok1 && ok10 {
		per1, per10 := pack1/1000, pack10/10000
		ratio := pack10 / pack1
		r.p("| whole pack | 1,000 resources | 10,000 resources | 10k / 1k |\n| --- | --: | --: | --: |\n")
		for _, part := range []struct{ name, what string }{
			{"resource-rules", "every resource rule on every resource it reads (`BenchmarkPack/resource-rules`)"},
			{"stack-rules", "the stack index and every stack rule (`BenchmarkPack/stack-rules`)"},
		} {
			a, _ := r.get("BenchmarkPack/"+part.name+"/resources=1000", "ns/op")
			b, _ := r.get("BenchmarkPack/"+part.name+"/resources=10000", "ns/op")
			r.p("| %s | %s (%s/resource) | %s (%s/resource) | %.1f |\n", part.what, dur(a), dur(a/1000), dur(b), dur(b/10000), b/a)
		}
		r.p("| **the whole pack** (`BenchmarkPack/all`) | %s (%s/resource) | %s (%s/resource) | %.1f |\n",
			dur(pack1), dur(per1), dur(pack10), dur(per10), ratio)
		if okAS {
			r.p("| AnalyzeStack called directly, decoding the engine's structs included (`BenchmarkAnalyzeStackInProcess`) | %s | %s | %.1f |\n", dur(as1), dur(as10), as10/as1)
		}
		r.p("\n")
		r.p("- Whole pack under 20 µs per resource: %s (%s at 1,000, %s at 10,000).\n", verdict(per1 < 20e3 && per10 < 20e3), dur(per1), dur(per10))
		if okAS {
			r.p("- AnalyzeStack of 10,000 resources under 100 ms: %s (%s in-process; through gRPC see below).\n", verdict(as10 < 100e6), dur(as10))
		}
		r.p("- Cost linear in resources (10k / 1k near 10): %s (%.1f for the whole pack, %.1f for AnalyzeStack).\n\n", verdict(ratio < 13 && (!okAS || as10/as1 < 13)), ratio, as10/as1)
	}

	if a, ok := r.get("BenchmarkAnalyzeInProcess", "ns/op"); ok {
		al, _ := r.get("BenchmarkAnalyzeInProcess", "allocs/op")
		r.p("Analyze called directly (no gRPC), per resource of the 1,000-resource set, decoding the engine's struct and every applicable rule (`BenchmarkAnalyzeInProcess`): %s, %.0f allocs.\n\n", dur(a), al)
	}
	r.p("Each resource rule, per resource of the types it reads (1,000-resource set, `BenchmarkRule`):\n\n")
	r.p("| rule | ns/op | B/op | allocs/op |\n| --- | --: | --: | --: |\n")
	for _, name := range r.names("BenchmarkRule/") {
		ns, _ := r.get(name, "ns/op")
		bytes, _ := r.get(name, "B/op")
		allocs, _ := r.get(name, "allocs/op")
		r.p("| %s | %.0f | %.0f | %.0f |\n", strings.TrimPrefix(name, "BenchmarkRule/"), ns, bytes, allocs)
	}
	r.p("\nEach stack rule over the whole set, the stack index (`NewStack`) included (`BenchmarkStackRule`), per resource of the set:\n\n")
	r.p("| stack rule | 1,000: ns/resource | allocs/op | 10,000: ns/resource | allocs/op | per-resource 10k / 1k |\n| --- | --: | --: | --: | --: | --: |\n")
	for _, name := range r.names("BenchmarkStackRule/") {
		if !strings.HasSuffix(name, "/resources=1000") {
			continue
		}
		base := strings.TrimSuffix(name, "/resources=1000")
		a, _ := r.get(name, "ns/resource")
		aa, _ := r.get(name, "allocs/op")
		b, _ := r.get(base+"/resources=10000", "ns/resource")
		ba, _ := r.get(base+"/resources=10000", "allocs/op")
		r.p("| %s | %.0f | %.0f | %.0f | %.0f | %.2f |\n", strings.TrimPrefix(base, "BenchmarkStackRule/"), a, aa, b, ba, b/a)
	}
	r.p("\n")
}

// names returns the benchmarks with a prefix, in name order.
func (r *results) names(prefix string) []string {
	var out []string
	for n := range r.bench {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func (r *results) server() {
	r.p("### Through the analyzer server (gRPC on loopback, in one process)\n\n")
	ours, ok := r.get("BenchmarkServerAnalyze/ours", "ns/op")
	if !ok {
		r.p("(not run)\n\n")
		return
	}
	px, _ := r.get("BenchmarkServerAnalyze/policyx", "ns/op")
	tr, _ := r.get("BenchmarkServerAnalyze/transport", "ns/op")
	oa, _ := r.get("BenchmarkServerAnalyze/ours", "allocs/op")
	pa, _ := r.get("BenchmarkServerAnalyze/policyx", "allocs/op")
	ta, _ := r.get("BenchmarkServerAnalyze/transport", "allocs/op")
	r.p("`transport` is a server that answers without reading the request: the gRPC floor that every pack pays. \"above the floor\" is the pack's own work.\n\n")
	r.p("| call | ours | policyx (same rules) | transport floor | ours / policyx | above the floor: policyx / ours |\n| --- | --: | --: | --: | --: | --: |\n")
	r.p("| Analyze, per resource (1,000-resource set) | %s, %.0f allocs | %s, %.0f allocs | %s, %.0f allocs | %.2f | %s |\n",
		dur(ours), oa, dur(px), pa, dur(tr), ta, ours/px, aboveFloor(ours, px, tr))
	worst := ours / px
	for _, n := range []string{"1000", "10000"} {
		o, _ := r.get("BenchmarkServerAnalyzeStack/ours/resources="+n, "ns/op")
		p, _ := r.get("BenchmarkServerAnalyzeStack/policyx/resources="+n, "ns/op")
		t, _ := r.get("BenchmarkServerAnalyzeStack/transport/resources="+n, "ns/op")
		r.p("| AnalyzeStack, %s resources | %s | %s | %s | %.2f | %s |\n", n, dur(o), dur(p), dur(t), o/p, aboveFloor(o, p, t))
		worst = max(worst, o/p)
	}
	for _, n := range []string{"1000", "10000"} {
		o, ok := r.get("BenchmarkServerPreview/ours/resources="+n, "ns/op")
		if !ok {
			continue
		}
		p, _ := r.get("BenchmarkServerPreview/policyx/resources="+n, "ns/op")
		t, _ := r.get("BenchmarkServerPreview/transport/resources="+n, "ns/op")
		r.p("| a preview's calls: Analyze of each resource, then AnalyzeStack, %s resources | %s | %s | %s | %.2f | %s |\n", n, dur(o), dur(p), dur(t), o/p, aboveFloor(o, p, t))
		worst = max(worst, o/p)
	}
	r.p("\n- No slower than policyx: %s (ours / policyx at most %.2f).\n", verdict(worst <= 1.0), worst)
	o10, _ := r.get("BenchmarkServerAnalyzeStack/ours/resources=10000", "ns/op")
	t10, _ := r.get("BenchmarkServerAnalyzeStack/transport/resources=10000", "ns/op")
	r.p("- AnalyzeStack of 10,000 resources through gRPC: %s, of which the transport floor (the protobuf `Struct` encoding and decoding of 10,000 resources on both ends, client and server sharing the 2 cores) is %s.\n\n",
		dur(o10), dur(t10))
}

// line is one JSON line of a whole-command measurement.
type line map[string]any

func (l line) f(k string) float64 {
	v, _ := l[k].(float64)
	return v
}

func (l line) s(k string) string {
	v, _ := l[k].(string)
	return v
}

func readLines(path string) ([]line, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var out []line
	for _, s := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		if len(bytes.TrimSpace(s)) == 0 {
			continue
		}
		var l line
		if err := json.Unmarshal(s, &l); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, l)
	}
	return out, nil
}

// aboveFloor compares the packs' own work: the time above the transport floor of
// policyx over ours, or a dash when ours is within the floor's noise.
func aboveFloor(ours, px, floor float64) string {
	if ours-floor <= 0.05*floor {
		return "— (ours within the floor's noise)"
	}
	return fmt.Sprintf("%.1f×", (px-floor)/(ours-floor))
}

func (r *results) typescript() {
	r.p("### Against TypeScript (@pulumi/policy in node)\n\n")
	lines, err := readLines(r.path("rules3.jsonl"))
	if err != nil {
		r.p("(not run: %v)\n\n", err)
		return
	}
	type key struct {
		impl string
		n    int
	}
	groups := map[key][]line{}
	var sizes []int
	for _, l := range lines {
		k := key{l.s("impl"), int(l.f("resources"))}
		if len(groups[key{"go", k.n}]) == 0 && len(groups[key{"typescript", k.n}]) == 0 && len(groups[key{"typescript-raw", k.n}]) == 0 {
			sizes = append(sizes, k.n)
		}
		groups[k] = append(groups[k], l)
	}
	sort.Ints(sizes)
	med := func(ls []line, f string) float64 {
		vs := make([]float64, len(ls))
		for i, l := range ls {
			vs[i] = l.f(f)
		}
		if len(vs) == 0 {
			return 0
		}
		return medianF(vs)
	}
	r.p("The three rules (key access on AI accounts, DDoS on online virtual networks, management ports from the internet) over the same JSON file, each implementation in its own process, alternated, median of the runs. Time is the evaluation alone (one warm-up pass, then timed passes), per resource; `typescript` wraps props in @pulumi/policy's unknown-checking proxy as its server does, `typescript-raw` passes the plain objects. Peak memory is the process's maximum resident set (the file loaded, the evaluation done).\n\n")
	r.p("| resources | implementation | runs | evaluation per resource | load | peak memory | findings |\n| --: | --- | --: | --: | --: | --: | --: |\n")
	worstSpeed, worstMem := 1e9, 1e9
	for _, n := range sizes {
		g := groups[key{"go", n}]
		for _, impl := range []string{"go", "typescript", "typescript-raw"} {
			ls := groups[key{impl, n}]
			if len(ls) == 0 {
				continue
			}
			r.p("| %d | %s | %d | %s | %.0f ms | %.0f MB | %.0f |\n", n, impl, len(ls), dur(med(ls, "ns_per_resource")), med(ls, "load_ms"), med(ls, "max_rss_kb")/1024, med(ls, "findings"))
			if impl != "go" && len(g) > 0 {
				worstSpeed = min(worstSpeed, med(ls, "ns_per_resource")/med(g, "ns_per_resource"))
				worstMem = min(worstMem, med(ls, "max_rss_kb")/med(g, "max_rss_kb"))
			}
		}
	}
	if worstSpeed < 1e9 {
		if b, ok := r.get("BenchmarkThreeRulesJSON", "ns/op"); ok {
			al, _ := r.get("BenchmarkThreeRulesJSON", "allocs/op")
			r.p("\nThe same three rules over the same 10,000-resource JSON as a Go benchmark (`BenchmarkThreeRulesJSON`): %s per resource, %.0f allocs.\n", dur(b), al)
		}
		r.p("\n- Go at least 5× faster per resource: %s (TypeScript / Go at least %.1f×).\n", verdict(worstSpeed >= 5), worstSpeed)
		r.p("- Go lower in memory: %s (TypeScript / Go peak memory at least %.2f×).\n\n", verdict(worstMem > 1), worstMem)
	}
}

func (r *results) engine() {
	r.p("### In the engine\n\n")
	if lines, err := readLines(r.path("startup.jsonl")); err == nil {
		r.p("Pack start-up, from process start to the port line and to the first GetAnalyzerInfo answer (`perf startup`):\n\n")
		r.p("| pack | runs | port (median) | GetAnalyzerInfo answered (median) | slowest |\n| --- | --: | --: | --: | --: |\n")
		ok := true
		for _, l := range lines {
			r.p("| %s | %.0f | %.1f ms | %.1f ms | %.1f ms |\n", l.s("pack"), l.f("runs"), l.f("port_ms_median"), l.f("info_ms_median"), l.f("info_ms_max"))
			if l.s("pack") == "aiready" {
				ok = l.f("info_ms_median") < 300
			}
		}
		r.p("\n- Starts in under 300 ms: %s.\n\n", verdict(ok))
	} else {
		r.p("Start-up: not run.\n\n")
	}
	lines, err := readLines(r.path("preview.jsonl"))
	if err != nil || len(lines) == 0 {
		r.p("Engine previews: not run in this run (`BENCH_ENGINE=0`).\n\n")
		return
	}
	l := lines[len(lines)-1]
	r.p("`pulumi preview` of %s (%.0f resources, the CLI v3.274.1, the provider stand-ins) without and with the pack binary and the example policy config, alternated, after one untimed preview of each (`perf preview`):\n\n", l.s("stack"), l.f("resources"))
	r.p("| | runs (ms) | median |\n| --- | --- | --: |\n")
	r.p("| without the pack | %s | %.0f ms |\n", floats(l["without_ms"]), l.f("without_ms_median"))
	r.p("| with the pack | %s | %.0f ms |\n", floats(l["with_ms"]), l.f("with_ms_median"))
	if _, ok := l["noop_ms"]; ok {
		r.p("| with a pack that checks nothing (`perf/cmd/noop-pack`, the engine's cost of any pack) | %s | %.0f ms |\n", floats(l["noop_ms"]), l.f("noop_ms_median"))
	}
	r.p("\n- The pack adds under 10%% to preview wall time: %s (%+.1f%% median).\n", verdict(l.f("overhead_pct_median") < 10), l.f("overhead_pct_median"))
	if _, ok := l["noop_ms"]; ok {
		r.p("- Of that, a pack that checks nothing adds %+.1f%%: the engine's cost of running any policy pack; the pack's own work adds %+.1f%%.\n", l.f("noop_overhead_pct_median"), l.f("beyond_noop_pct_median"))
	}
	r.p("\n")
}

func floats(v any) string {
	a, _ := v.([]any)
	s := make([]string, len(a))
	for i, x := range a {
		f, _ := x.(float64)
		s[i] = fmt.Sprintf("%.0f", f)
	}
	return strings.Join(s, ", ")
}

func (r *results) programs() {
	r.p("### The programs\n\n")
	r.p("The stacks program under the mocks as a corp stack over N regions (`BenchmarkProgram`; each region offers Azure OpenAI, AI Search and Azure ML and a Standard text-embedding-ada-002 version 2 deployment; nonproduction, object replication):\n\n")
	r.p("| regions | registrations | time per run | per registration | allocs/op |\n| --: | --: | --: | --: | --: |\n")
	var t1, n1, t8, n8 float64
	for _, n := range []int{1, 2, 4, 8} {
		name := fmt.Sprintf("BenchmarkProgram/regions=%d", n)
		ns, ok := r.get(name, "ns/op")
		if !ok {
			continue
		}
		res, _ := r.get(name, "resources")
		al, _ := r.get(name, "allocs/op")
		r.p("| %d | %.0f | %s | %s | %.0f |\n", n, res, dur(ns), dur(ns/res), al)
		if n == 1 {
			t1, n1 = ns, res
		}
		if n == 8 {
			t8, n8 = ns, res
		}
	}
	if t1 > 0 && t8 > 0 {
		r.p("\n- Linear: 8 regions / 1 region is %.2f× the time for %.2f× the registrations (time per registration %.2f× ): %s.\n\n", t8/t1, n8/n1, (t8/n8)/(t1/n1), verdict((t8/n8)/(t1/n1) < 1.3))
	}
}

// timeV reads the elapsed time and the peak memory of a `/usr/bin/time -v` report.
func timeV(path string) (secs float64, rssKB float64, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, fmt.Errorf("reading %s: %w", path, err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "Elapsed (wall clock) time"):
			v := l[strings.LastIndex(l, " ")+1:]
			parts := strings.Split(v, ":")
			mult := 1.0
			for i := len(parts) - 1; i >= 0; i-- {
				f, _ := strconv.ParseFloat(parts[i], 64)
				secs += f * mult
				mult *= 60
			}
		case strings.HasPrefix(l, "Maximum resident set size"):
			rssKB, _ = strconv.ParseFloat(l[strings.LastIndex(l, " ")+1:], 64)
		}
	}
	return secs, rssKB, nil
}

func (r *results) build() {
	r.p("Build of the stacks program (`go build -o /dev/null .` at the repository root, `/usr/bin/time -v`; cold: an empty `GOCACHE`, the module cache kept):\n\n")
	r.p("| build | wall time | peak memory (largest process) |\n| --- | --: | --: |\n")
	ran := false
	for _, b := range []struct{ name, file string }{{"cold", "build-cold.time"}, {"warm", "build-warm.time"}} {
		s, kb, err := timeV(r.path(b.file))
		if err != nil {
			continue
		}
		ran = true
		r.p("| %s | %.1f s | %.0f MB |\n", b.name, s, kb/1024)
	}
	if !ran {
		r.p("| (not run in this run: `BENCH_BUILD=0`) | | |\n")
	}
	lines, err := readLines(r.path("actiongraph.jsonl"))
	if err != nil || len(lines) == 0 {
		r.p("\n")
		return
	}
	l := lines[0]
	r.p("\nWhere the cold build's compile time goes (`go build -debug-actiongraph`, summed per module; compiles run 2 at a time): %.0f compiles, %.0f s of compile wall time in a %.0f s build.\n\n", l.f("compiles"), l.f("compile_wall_s"), l.f("span_s"))
	r.p("| module | compile wall time | share | packages |\n| --- | --: | --: | --: |\n")
	if mods, ok := l["top_modules"].([]any); ok {
		for _, m := range mods {
			mm, _ := m.(map[string]any)
			w, _ := mm["wall_s"].(float64)
			n, _ := mm["actions"].(float64)
			r.p("| %s | %.1f s | %.0f%% | %.0f |\n", mm["name"], w, 100*w/l.f("compile_wall_s"), n)
		}
	}
	r.p("\n| package | compile wall time |\n| --- | --: |\n")
	if pk, ok := l["top_packages"].([]any); ok {
		for _, m := range pk {
			mm, _ := m.(map[string]any)
			w, _ := mm["wall_s"].(float64)
			r.p("| %s | %.1f s |\n", mm["name"], w)
		}
	}
	r.p("\n")
}

// experiments reports the hot-spot fixes: the pack without the fixes recorded in
// tests/perf/hotspots (reversed on a copy) beside the pack as it is, alternated.
func (r *results) experiments() {
	names := r.names("after:")
	if len(names) == 0 {
		return
	}
	applied, _ := os.ReadFile(r.path("experiments-applied.txt"))
	r.p("### Hot-spot fixes (before: the pack without %s; after: the pack as committed)\n\n", strings.Join(strings.Fields(string(applied)), ", "))
	r.p("Both test binaries built in this run and alternated, median of %d runs each.\n\n", r.runs(names[0]))
	r.p("| benchmark | before | after | before / after | allocs/op before → after |\n| --- | --: | --: | --: | --: |\n")
	for _, a := range names {
		name := strings.TrimPrefix(a, "after:")
		b, ok := r.get("before:"+name, "ns/op")
		if !ok {
			continue
		}
		av, _ := r.get(a, "ns/op")
		ba, _ := r.get("before:"+name, "allocs/op")
		aa, _ := r.get(a, "allocs/op")
		r.p("| %s | %s | %s | %.2f× | %.0f → %.0f |\n", strings.TrimPrefix(name, "Benchmark"), dur(b), dur(av), b/av, ba, aa)
	}
	b1, ok1 := r.get("after:BenchmarkPack/all/resources=1000", "ns/op")
	b10, ok10 := r.get("after:BenchmarkPack/all/resources=10000", "ns/op")
	if ok1 && ok10 {
		a1, _ := r.get("before:BenchmarkPack/all/resources=1000", "ns/op")
		a10, _ := r.get("before:BenchmarkPack/all/resources=10000", "ns/op")
		r.p("\nThe whole pack's 10k / 1k: %.1f before, %.1f after.\n", a10/a1, b10/b1)
	}
	r.p("\n")
}
