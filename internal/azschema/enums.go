package azschema

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Enum is one enum of the type definitions (types/enums/<module>[/<version>]/index.d.ts).
type Enum struct {
	// Name is the qualified name, e.g. "network.SecurityRuleAccess" or
	// "apimanagement.v20240501.BackendProtocol".
	Name string
	// Values are the enum's values, in the order the definitions list them.
	Values []string
}

// enumFiles holds the parsed enum files, one per module or version sub-module.
type enumFiles struct {
	dir string

	mu    sync.Mutex
	files map[string]map[string]*Enum // module path ("network", "apimanagement/v20240501") → enum name → enum
}

var (
	enumRefRE   = regexp.MustCompile(`\benums\.([\w.]+)`)
	enumConstRE = regexp.MustCompile(`^export declare const (\w+): \{$`)
	enumValueRE = regexp.MustCompile(`^\s+readonly \w+: ("(?:[^"\\]|\\.)*");$`)
)

// Enum returns an enum by qualified name ("network.SecurityRuleAccess"). Each
// module's enum file is parsed once, on first use.
func (s *Schema) Enum(name string) (*Enum, error) {
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 {
		return nil, fmt.Errorf("azschema: %q is not a qualified enum name (<module>.<Enum>)", name)
	}
	module, enum := strings.ReplaceAll(name[:dot], ".", "/"), name[dot+1:]
	enums, err := s.enums.file(module)
	if err != nil {
		return nil, err
	}
	e, ok := enums[enum]
	if !ok {
		return nil, fmt.Errorf("azschema: types/enums/%s/index.d.ts has no enum %s", module, enum)
	}
	return e, nil
}

func (ef *enumFiles) file(module string) (map[string]*Enum, error) {
	ef.mu.Lock()
	defer ef.mu.Unlock()
	if f, ok := ef.files[module]; ok {
		return f, nil
	}
	f, err := parseEnumFile(filepath.Join(ef.dir, "types", "enums", filepath.FromSlash(module), "index.d.ts"), strings.ReplaceAll(module, "/", "."))
	if err != nil {
		return nil, err
	}
	ef.files[module] = f
	return f, nil
}

// parseEnumFile reads the `export declare const X: { readonly K: "v"; ... };`
// declarations of one enum file.
func parseEnumFile(path, qualifier string) (map[string]*Enum, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("azschema: enums of %s: %w", qualifier, err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	out := map[string]*Enum{}
	var cur *Enum
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if cur == nil {
			if m := enumConstRE.FindStringSubmatch(line); m != nil {
				cur = &Enum{Name: qualifier + "." + m[1]}
				out[m[1]] = cur
			}
			continue
		}
		if line == "};" {
			cur = nil
			continue
		}
		if m := enumValueRE.FindStringSubmatch(line); m != nil {
			v, err := strconv.Unquote(m[1])
			if err != nil {
				return nil, fmt.Errorf("azschema: %s: enum %s: value %s: %w", path, cur.Name, m[1], err)
			}
			cur.Values = append(cur.Values, v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("azschema: reading %s: %w", path, err)
	}
	return out, nil
}

// enumRefs returns the qualified names of the enums a property type names, e.g.
// ["network.SecurityRuleAccess"] for `pulumi.Input<string | enums.network.SecurityRuleAccess>`.
func enumRefs(typ string) []string {
	var out []string
	for _, m := range enumRefRE.FindAllStringSubmatch(typ, -1) {
		out = append(out, m[1])
	}
	return out
}
