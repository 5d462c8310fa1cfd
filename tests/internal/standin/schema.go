package standin

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/aiready/aiready/internal/azschema"
)

// schemaFormat versions the package schema GetSchema builds; a cached schema of
// another format is rebuilt.
const schemaFormat = "1"

// PackageSchema builds the Pulumi package schema the azure-native stand-in answers
// GetSchema with, from the azure-native 2.90.0 type definitions in dir (azschema.Dir):
// every resource of every module and API version, with its input properties (the
// required ones marked) and output properties, and the provider's configuration.
// It is what a language that checks a program against schemas (YAML) needs to bind
// azure-native resources; it is minimal beyond that: a property's type is string,
// number, boolean, an array or a map when the definitions say so, and any other
// value (an object type, a union) is Any, which the stand-in's Check then validates
// as it does for every language. The real provider's schema also has the nested
// types, functions and documentation.
func PackageSchema(dir string) ([]byte, error) { return packageSchema(dir, nil) }

// packageSchema is PackageSchema of the modules modules only (nil: every module).
func packageSchema(dir string, modules []string) ([]byte, error) {
	tokens, err := resourceTokens(dir, modules)
	if err != nil {
		return nil, err
	}
	resources := readResources(dir, tokens)
	provider, err := providerSpec(filepath.Join(dir, "provider.d.ts"))
	if err != nil {
		return nil, err
	}
	pkg := map[string]any{
		"name":      "azure-native",
		"version":   AzureNativeVersion,
		"provider":  provider,
		"resources": resources,
		"meta":      map[string]any{"moduleFormat": "(.*)"},
	}
	b, err := json.Marshal(pkg)
	if err != nil {
		return nil, fmt.Errorf("azure-native stand-in: encoding the package schema: %w", err)
	}
	return b, nil
}

// readResources reads the definitions of tokens on every CPU (a Schema reads one
// file at a time, so each worker opens its own).
func readResources(dir string, tokens []string) map[string]resourceSpec {
	var mu sync.Mutex
	var wg sync.WaitGroup
	resources := map[string]resourceSpec{}
	work := make(chan string)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := azschema.Open(dir)
			for tok := range work {
				r, err := s.Resource(tok)
				if err != nil {
					// A file of a module directory that declares no resource class:
					// a function (getX, listX) or a helper.
					continue
				}
				spec := specOf(r.Inputs, r.Outputs)
				mu.Lock()
				resources[tok] = spec
				mu.Unlock()
			}
		}()
	}
	for _, tok := range tokens {
		work <- tok
	}
	close(work)
	wg.Wait()
	return resources
}

// resourceTokens lists the token of every definition file of a module: module/x.d.ts
// and module/v<version>/x.d.ts, x upper-cased at its first letter; of the modules
// given, or of all when modules is nil.
func resourceTokens(dir string, modules []string) ([]string, error) {
	var tokens []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			top, _, _ := strings.Cut(rel, "/")
			if rel == "types" || strings.Count(rel, "/") > 1 || (modules != nil && rel != "." && !slices.Contains(modules, top)) {
				return fs.SkipDir
			}
			return nil
		}
		module, file := filepath.ToSlash(filepath.Dir(rel)), filepath.Base(rel)
		name, ok := strings.CutSuffix(file, ".d.ts")
		if !ok || module == "." || name == "index" || strings.HasPrefix(name, "get") || strings.HasPrefix(name, "list") {
			return nil
		}
		tokens = append(tokens, "azure-native:"+module+":"+strings.ToUpper(name[:1])+name[1:])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("azure-native stand-in: listing the definitions in %s: %w", dir, err)
	}
	sort.Strings(tokens)
	return tokens, nil
}

// resourceSpec is a resource of the package schema.
type resourceSpec struct {
	InputProperties map[string]typeSpec `json:"inputProperties"`
	RequiredInputs  []string            `json:"requiredInputs,omitempty"`
	Properties      map[string]typeSpec `json:"properties"`
}

// typeSpec is a property's type in the package schema.
type typeSpec struct {
	Type                 string    `json:"type,omitempty"`
	Ref                  string    `json:"$ref,omitempty"`
	Items                *typeSpec `json:"items,omitempty"`
	AdditionalProperties *typeSpec `json:"additionalProperties,omitempty"`
}

var anyType = typeSpec{Ref: "pulumi.json#/Any"}

func specOf(inputs, outputs *azschema.Object) resourceSpec {
	spec := resourceSpec{InputProperties: map[string]typeSpec{}, Properties: map[string]typeSpec{}}
	for name, p := range inputs.Props {
		spec.InputProperties[name] = propType(p.Type)
		if p.Required {
			spec.RequiredInputs = append(spec.RequiredInputs, name)
		}
	}
	sort.Strings(spec.RequiredInputs)
	for name, p := range outputs.Props {
		spec.Properties[name] = propType(p.Type)
	}
	return spec
}

// propType maps a TypeScript property type of the definitions to a schema type:
// scalars, arrays and maps by shape, anything else Any.
func propType(ts string) typeSpec {
	t := unwrap(ts)
	if strings.HasSuffix(t, "[]") {
		return typeSpec{Type: "array", Items: &anyType}
	}
	if strings.HasPrefix(t, "{ [key: string]:") || strings.HasPrefix(t, "{[key: string]:") {
		return typeSpec{Type: "object", AdditionalProperties: &anyType}
	}
	switch {
	case isUnionOf(t, "string"):
		return typeSpec{Type: "string"}
	case t == "number":
		return typeSpec{Type: "number"}
	case t == "boolean":
		return typeSpec{Type: "boolean"}
	}
	return anyType
}

// unwrap strips pulumi.Input<...> / pulumi.Output<...> and a trailing "| undefined".
func unwrap(ts string) string {
	t := strings.TrimSpace(ts)
	for _, w := range []string{"pulumi.Input<", "pulumi.Output<"} {
		if inner, ok := strings.CutPrefix(t, w); ok && strings.HasSuffix(inner, ">") {
			t = strings.TrimSpace(strings.TrimSuffix(inner, ">"))
		}
	}
	return strings.TrimSpace(strings.TrimSuffix(t, "| undefined"))
}

// isUnionOf reports whether every member of a union is the scalar or an enum.
func isUnionOf(t, scalar string) bool {
	for _, part := range strings.Split(t, "|") {
		part = strings.TrimSpace(part)
		if part != scalar && !strings.HasPrefix(part, "enums.") {
			return false
		}
	}
	return true
}

var providerPropRE = regexp.MustCompile(`^    (\w+)\??: (.*);$`)

// providerSpec reads ProviderArgs of provider.d.ts: the provider's configuration.
func providerSpec(path string) (map[string]any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("azure-native stand-in: reading the provider's configuration: %w", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	props := map[string]typeSpec{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "export interface ProviderArgs {":
			in = true
		case in && line == "}":
			return map[string]any{"inputProperties": props, "properties": props}, nil
		case in:
			if m := providerPropRE.FindStringSubmatch(line); m != nil {
				props[m[1]] = propType(m[2])
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("azure-native stand-in: reading %s: %w", path, err)
	}
	return nil, fmt.Errorf("azure-native stand-in: %s declares no ProviderArgs", path)
}

var (
	schemaOnce sync.Once
	schemaJSON []byte
	errSchema  error
)

// cachedPackageSchema is PackageSchema of the cached definitions, built once per
// definitions directory and kept beside it (written atomically), since building it
// reads every definition file.
func cachedPackageSchema() ([]byte, error) {
	schemaOnce.Do(func() {
		dir, err := azschema.Dir()
		if err != nil {
			errSchema = err
			return
		}
		path := dir + ".standin-schema-" + schemaFormat + ".json"
		if b, err := os.ReadFile(path); err == nil && json.Valid(b) {
			schemaJSON = b
			return
		}
		if schemaJSON, errSchema = PackageSchema(dir); errSchema != nil {
			return
		}
		tmp := fmt.Sprintf("%s.%d", path, os.Getpid())
		if err := os.WriteFile(tmp, schemaJSON, 0o644); err == nil {
			if os.Rename(tmp, path) != nil {
				_ = os.Remove(tmp)
			}
		}
	})
	return schemaJSON, errSchema
}
