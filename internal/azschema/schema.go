package azschema

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Prop is one property of an object type.
type Prop struct {
	// Name is the property name (the azure-native input or output name).
	Name string
	// Required is true when the definition has no "?".
	Required bool
	// Type is the TypeScript type as written.
	Type string
	// Ref is the qualified name of the object type the property holds (for arrays and
	// maps, of their elements), e.g. "network.SubnetArgs"; "" for scalars and `any`.
	Ref string
	// Enums are the qualified names of the enums the property's values (for arrays
	// and maps, its elements' values) come from, e.g. ["network.SecurityRuleAccess"];
	// none for a property without an enum.
	Enums []string
}

// IsString reports whether the property holds one string (plain or from an enum),
// not a list, a map or an object.
func (p Prop) IsString() bool {
	typ := strings.TrimSpace(p.Type)
	if inner, ok := strings.CutPrefix(typ, "pulumi.Input<"); ok && strings.HasSuffix(inner, ">") {
		typ = strings.TrimSuffix(inner, ">")
	}
	for _, part := range strings.Split(typ, " | ") {
		if part != "string" && !strings.HasPrefix(part, "enums.") {
			return false
		}
	}
	return true
}

// Object is an interface of the definitions: a resource's Args, its outputs, or a
// nested input or output type.
type Object struct {
	// Name is the qualified name, e.g. "apimanagement.v20240501.BackendCircuitBreakerArgs".
	Name string
	// Props by name.
	Props map[string]Prop
}

// PropNames returns the property names, sorted.
func (o *Object) PropNames() []string {
	names := make([]string, 0, len(o.Props))
	for n := range o.Props {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Resource is one resource type of the provider.
type Resource struct {
	// Token is the type token, e.g. "azure-native:apimanagement/v20240501:Backend".
	Token string
	// File is the definition file, relative to the package directory.
	File string
	// APIVersion is the Azure REST API version the resource uses.
	APIVersion string
	// Inputs is the resource's Args interface.
	Inputs *Object
	// Outputs are the resource's output properties.
	Outputs *Object
}

// Schema is the parsed definitions of one unpacked package directory. It is safe for
// concurrent use.
type Schema struct {
	dir string

	mu        sync.Mutex
	resources map[string]*Resource
	inputs    *typesFile
	outputs   *typesFile
	enums     *enumFiles
}

// Open returns the schema of the package directory dir (see Dir).
func Open(dir string) *Schema {
	return &Schema{
		dir:       dir,
		resources: map[string]*Resource{},
		inputs:    &typesFile{path: filepath.Join(dir, "types", "input.d.ts"), prefix: "inputs"},
		outputs:   &typesFile{path: filepath.Join(dir, "types", "output.d.ts"), prefix: "outputs"},
		enums:     &enumFiles{dir: dir, files: map[string]map[string]*Enum{}},
	}
}

var (
	defaultOnce   sync.Once
	defaultSchema *Schema
	errDefault    error
)

// Load returns the schema of the cached definitions, fetching them on first use.
func Load() (*Schema, error) {
	defaultOnce.Do(func() {
		var dir string
		dir, errDefault = Dir()
		if errDefault == nil {
			defaultSchema = Open(dir)
		}
	})
	return defaultSchema, errDefault
}

// Resource returns the definition of a resource by type token.
func (s *Schema) Resource(token string) (*Resource, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.resources[token]; ok {
		return r, nil
	}
	r, err := s.loadResource(token)
	if err != nil {
		return nil, err
	}
	s.resources[token] = r
	return r, nil
}

// Input returns a nested input type by qualified name ("network.SubnetArgs").
func (s *Schema) Input(name string) (*Object, error) { return s.inputs.object(name) }

// Output returns a nested output type by qualified name ("network.SubnetResponse").
func (s *Schema) Output(name string) (*Object, error) { return s.outputs.object(name) }

var (
	classRE      = regexp.MustCompile(`^export declare class (\w+) extends pulumi\.CustomResource`)
	outputRE     = regexp.MustCompile(`^    readonly (\w+): pulumi\.Output<(.*)>;$`)
	outputOpenRE = regexp.MustCompile(`^    readonly (\w+): (pulumi\.Output<.*\{)$`)
	argsRE       = regexp.MustCompile(`^export interface (\w+)Args \{$`)
	propRE       = regexp.MustCompile(`^\s+(\w+)(\??): (.*);$`)
	propOpenRE   = regexp.MustCompile(`^(\s+)(\w+)(\??): (.*\{)$`)
	apiRE        = regexp.MustCompile(`Uses Azure REST API version ([\w-]+)`)
	refRE        = regexp.MustCompile(`\b(?:inputs|outputs)\.([\w.]+)`)
	nsRE         = regexp.MustCompile(`^( *)(?:export declare )?namespace (\w+) \{$`)
	ifaceRE      = regexp.MustCompile(`^( *)(?:export )?interface (\w+) \{$`)
	closeRE      = regexp.MustCompile(`^( *)\}$`)
	tokenParts   = regexp.MustCompile(`^azure-native:([\w/]+):(\w+)$`)
)

func (s *Schema) loadResource(token string) (*Resource, error) {
	m := tokenParts.FindStringSubmatch(token)
	if m == nil {
		return nil, fmt.Errorf("azschema: %q is not an azure-native resource token (azure-native:<module>:<Type>)", token)
	}
	module, typ := m[1], m[2]
	dir := filepath.Join(s.dir, filepath.FromSlash(module))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("azschema: %s: module %q has no definitions in azure-native %s", token, module, PackageVersion)
	}
	want := strings.ToLower(typ) + ".d.ts"
	var file string
	for _, e := range entries {
		if e.Name() == lowerFirst(typ)+".d.ts" {
			file = e.Name()
			break
		}
		if strings.ToLower(e.Name()) == want {
			file = e.Name()
		}
	}
	if file == "" {
		return nil, fmt.Errorf("azschema: %s: module %q has no resource %q in azure-native %s", token, module, typ, PackageVersion)
	}
	rel := module + "/" + file
	f, err := os.Open(filepath.Join(dir, file))
	if err != nil {
		return nil, fmt.Errorf("azschema: %s: %w", token, err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing

	r := &Resource{
		Token:   token,
		File:    rel,
		Outputs: &Object{Name: typ, Props: map[string]Prop{}},
	}
	class := ""
	var args *Object
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if r.APIVersion == "" {
			if m := apiRE.FindStringSubmatch(line); m != nil {
				r.APIVersion = m[1]
			}
		}
		switch {
		case class == "":
			if m := classRE.FindStringSubmatch(line); m != nil {
				class = m[1]
			}
		case args == nil:
			if m := outputRE.FindStringSubmatch(line); m != nil {
				r.Outputs.Props[m[1]] = newProp(m[1], true, m[2])
			} else if m := outputOpenRE.FindStringSubmatch(line); m != nil {
				p, _ := readProp("    "+m[1]+": "+m[2], sc)
				r.Outputs.Props[m[1]] = p
			} else if m := argsRE.FindStringSubmatch(line); m != nil && m[1] == class {
				args = &Object{Name: class + "Args", Props: map[string]Prop{}}
			}
		default:
			if line == "}" {
				r.Inputs = args
				return r, checkClass(token, typ, class, r)
			}
			if p, ok := readProp(line, sc); ok {
				args.Props[p.Name] = p
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("azschema: reading %s: %w", rel, err)
	}
	if class == "" {
		return nil, fmt.Errorf("azschema: %s: %s declares no resource class", token, rel)
	}
	// A resource without arguments has no Args interface.
	r.Inputs = &Object{Name: class + "Args", Props: map[string]Prop{}}
	return r, checkClass(token, typ, class, r)
}

func checkClass(token, typ, class string, r *Resource) error {
	if r.APIVersion == "" {
		// Explicit-version modules (module/v20240501) carry the version in their name.
		if _, v, ok := strings.Cut(token, "/v"); ok && len(v) >= 8 {
			v = v[:strings.IndexByte(v, ':')]
			r.APIVersion = v[:4] + "-" + v[4:6] + "-" + v[6:]
		}
	}
	if class != typ {
		return fmt.Errorf("azschema: %s: the definition's class is %q, not %q (type names are case-sensitive)", token, class, typ)
	}
	return nil
}

// readProp parses a property declaration. A type written over several lines (an
// inline object such as `tags?: pulumi.Input<{` ... `}>;`) is read to its closing
// line, so that its inner lines are not taken for properties of their own.
func readProp(line string, sc *bufio.Scanner) (Prop, bool) {
	if m := propRE.FindStringSubmatch(line); m != nil {
		return newProp(m[1], m[2] == "", m[3]), true
	}
	m := propOpenRE.FindStringSubmatch(line)
	if m == nil {
		return Prop{}, false
	}
	indent, typ := m[1], []string{m[4]}
	for sc.Scan() {
		next := sc.Text()
		typ = append(typ, strings.TrimSpace(next))
		if strings.HasPrefix(next, indent+"}") && strings.HasSuffix(next, ";") {
			break
		}
	}
	return newProp(m[2], m[3] == "", strings.TrimSuffix(strings.Join(typ, " "), ";")), true
}

func newProp(name string, required bool, typ string) Prop {
	p := Prop{Name: name, Required: required, Type: typ, Enums: enumRefs(typ)}
	if m := refRE.FindStringSubmatch(typ); m != nil {
		p.Ref = m[1]
	}
	return p
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// typesFile is types/input.d.ts or types/output.d.ts, indexed by top-level
// namespace and parsed one namespace at a time.
type typesFile struct {
	path   string
	prefix string

	mu      sync.Mutex
	offsets map[string]int64
	objects map[string]*Object
	parsed  map[string]bool
}

func (tf *typesFile) object(name string) (*Object, error) {
	tf.mu.Lock()
	defer tf.mu.Unlock()
	if tf.offsets == nil {
		if err := tf.index(); err != nil {
			return nil, err
		}
	}
	ns, _, _ := strings.Cut(name, ".")
	if !tf.parsed[ns] {
		off, ok := tf.offsets[ns]
		if !ok {
			return nil, fmt.Errorf("azschema: %s has no namespace %q", filepath.Base(tf.path), ns)
		}
		if err := tf.parse(ns, off); err != nil {
			return nil, err
		}
		tf.parsed[ns] = true
	}
	o, ok := tf.objects[name]
	if !ok {
		return nil, fmt.Errorf("azschema: %s has no type %s.%s", filepath.Base(tf.path), tf.prefix, name)
	}
	return o, nil
}

// index records the byte offset of every top-level namespace.
func (tf *typesFile) index() error {
	f, err := os.Open(tf.path)
	if err != nil {
		return fmt.Errorf("azschema: %w", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	tf.offsets, tf.objects, tf.parsed = map[string]int64{}, map[string]*Object{}, map[string]bool{}
	r := bufio.NewReaderSize(f, 1<<20)
	var off int64
	const marker = "export declare namespace "
	for {
		line, err := r.ReadString('\n')
		if strings.HasPrefix(line, marker) {
			name := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(line, marker)), " {")
			tf.offsets[name] = off
		}
		off += int64(len(line))
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("azschema: reading %s: %w", tf.path, err)
		}
	}
}

// parse reads one top-level namespace, with its nested version namespaces.
func (tf *typesFile) parse(_ string, off int64) error {
	f, err := os.Open(tf.path)
	if err != nil {
		return fmt.Errorf("azschema: %w", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return fmt.Errorf("azschema: %w", err)
	}
	type block struct {
		indent int
		name   string
		obj    *Object
	}
	var stack []block
	qualified := func(name string) string {
		parts := make([]string, 0, len(stack)+1)
		for _, b := range stack {
			if b.obj == nil {
				parts = append(parts, b.name)
			}
		}
		return strings.Join(append(parts, name), ".")
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if m := nsRE.FindStringSubmatch(line); m != nil {
			stack = append(stack, block{indent: len(m[1]), name: m[2]})
			continue
		}
		if m := ifaceRE.FindStringSubmatch(line); m != nil {
			obj := &Object{Name: qualified(m[2]), Props: map[string]Prop{}}
			tf.objects[obj.Name] = obj
			stack = append(stack, block{indent: len(m[1]), name: m[2], obj: obj})
			continue
		}
		if m := closeRE.FindStringSubmatch(line); m != nil && len(stack) > 0 && len(m[1]) == stack[len(stack)-1].indent {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return nil
			}
			continue
		}
		if len(stack) > 0 {
			if top := stack[len(stack)-1]; top.obj != nil {
				if p, ok := readProp(line, sc); ok {
					top.obj.Props[p.Name] = p
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("azschema: reading %s: %w", tf.path, err)
	}
	return nil
}
