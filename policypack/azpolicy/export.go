package azpolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Export is what a tenant's policy exports hold: definitions and set
// definitions (in Library), assignments and exemptions. It reads the JSON of
// `az policy definition list`, `az policy set-definition list`, `az policy
// assignment list` and `az policy exemption list` (flat objects), the REST shape
// ({"id", "name", "properties": {...}}), and the files of the Azure/azure-policy
// repository (one definition or set per file; azurepolicy.json, or
// azurepolicy.rules.json with azurepolicy.parameters.json, per directory).
type Export struct {
	Library     *Library
	Assignments []*Assignment
	Exemptions  []*Exemption
	// Definitions and Sets count what was read.
	Definitions, Sets int
}

// NewExport returns an empty export.
func NewExport() *Export { return &Export{Library: NewLibrary()} }

// Kinds says which kinds of object a document may hold.
type Kinds uint8

// The kinds of object of a policy export.
const (
	Definitions Kinds = 1 << iota
	Sets
	Assignments
	Exemptions
	AnyKind = Definitions | Sets | Assignments | Exemptions
)

func (k Kinds) allows(d docKind) bool {
	switch d {
	case kindDefinition:
		return k&Definitions != 0
	case kindSet:
		return k&Sets != 0
	case kindAssignment:
		return k&Assignments != 0
	case kindExemption:
		return k&Exemptions != 0
	}
	return false
}

func (k Kinds) String() string {
	var names []string
	for _, n := range []struct {
		k    Kinds
		name string
	}{{Definitions, "policy definitions (policyRule)"}, {Sets, "policy set definitions (policyDefinitions)"},
		{Assignments, "policy assignments (policyDefinitionId)"}, {Exemptions, "policy exemptions (policyAssignmentId, exemptionCategory)"}} {
		if k&n.k != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, ", ")
}

// Add reads one JSON document: an object, or an array of objects, each
// recognised by what it has and refused when it is not of the allowed kinds.
// Errors name the source and the JSON path of the object ("defs.json: $[3]
// (properties): policy definition ...: policyRule.if.allOf[1]: ...") or, for
// malformed JSON, the line and column.
func (e *Export) Add(source string, data []byte, allowed Kinds) error {
	var raw any
	if err := decodeJSON(data, &raw); err != nil {
		return fmt.Errorf("%s: %w", source, locateJSONError(data, err))
	}
	items, isArray := raw.([]any)
	if !isArray {
		items = []any{raw}
	}
	for i, it := range items {
		path := "$"
		if isArray {
			path = fmt.Sprintf("$[%d]", i)
		}
		m, ok := it.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: %s: expected an object, got %s", source, path, kindName(it))
		}
		if err := e.addObject(m, allowed); err != nil {
			return fmt.Errorf("%s: %s%s: %w", source, path, envelopeNote(m), err)
		}
	}
	return nil
}

// envelopeNote says where the object's fields are: " (properties)" for the
// REST shape, whose paths in errors are below properties.
func envelopeNote(m map[string]any) string {
	keys := []string{"policyRule", "policyDefinitions", "policyDefinitionId", "policyAssignmentId"}
	for _, k := range keys {
		if _, top := lookupFold(m, k); top {
			return ""
		}
	}
	props := obj(m, "properties")
	for _, k := range keys {
		if _, ok := lookupFold(props, k); ok {
			return " (properties)"
		}
	}
	return ""
}

func (e *Export) addObject(m map[string]any, allowed Kinds) error {
	kind := kindOf(m)
	if kind == kindUnknown {
		return fmt.Errorf("%q is none of %s", str(m, "name"), AnyKind)
	}
	if !allowed.allows(kind) {
		return fmt.Errorf("%q is %s; here only %s are read", str(m, "name"), kindNames[kind], allowed)
	}
	switch kind {
	case kindAssignment:
		a, err := assignmentFromMap(m)
		if err != nil {
			return err
		}
		e.Assignments = append(e.Assignments, a)
	case kindExemption:
		x, err := exemptionFromMap(m)
		if err != nil {
			return err
		}
		e.Exemptions = append(e.Exemptions, x)
	default:
		if err := e.Library.add(kind, m); err != nil {
			return err
		}
		if kind == kindDefinition {
			e.Definitions++
		} else {
			e.Sets++
		}
	}
	return nil
}

var kindNames = map[docKind]string{kindDefinition: "a policy definition", kindSet: "a policy set definition",
	kindAssignment: "a policy assignment", kindExemption: "a policy exemption"}

// locateJSONError adds the line and column to a JSON syntax error: of the
// offending character, or just past the end of truncated input.
func locateJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	idx := -1
	switch {
	case errors.As(err, &syn):
		idx = int(syn.Offset) - 1
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		idx = len(data)
	}
	if idx < 0 || idx > len(data) {
		return fmt.Errorf("invalid JSON: %w", err)
	}
	line := 1 + bytes.Count(data[:idx], []byte("\n"))
	col := idx - bytes.LastIndexByte(data[:idx], '\n')
	return fmt.Errorf("invalid JSON at line %d, column %d: %w", line, col, err)
}

// AddFile reads a JSON file of any of the allowed kinds.
func (e *Export) AddFile(path string, allowed Kinds) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fileError(path, err)
	}
	return e.Add(path, data, allowed)
}

// AddPath reads a file, or every .json file under a directory (sorted, each
// named in errors): in a directory of the Azure/azure-policy repository's
// samples, azurepolicy.json is the definition, else azurepolicy.rules.json and
// azurepolicy.parameters.json are assembled into one named for the directory.
func (e *Export) AddPath(path string, allowed Kinds) error {
	info, err := os.Stat(path)
	if err != nil {
		return fileError(path, err)
	}
	if !info.IsDir() {
		return e.AddFile(path, allowed)
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".json") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return fileError(path, err)
	}
	sort.Strings(files)
	for _, f := range files {
		if err := e.addRepoFile(f, allowed); err != nil {
			return err
		}
	}
	return nil
}

// The file names of a definition split as `az policy definition create --rules
// --params` takes it, in the Azure/azure-policy repository's samples.
const (
	repoDefinition = "azurepolicy.json"
	repoRules      = "azurepolicy.rules.json"
	repoParameters = "azurepolicy.parameters.json"
)

// addRepoFile reads one file of a directory: a rules file is assembled with its
// parameters unless the directory has the whole definition; a parameters file
// is read with its rules.
func (e *Export) addRepoFile(path string, allowed Kinds) error {
	dir, base := filepath.Dir(path), strings.ToLower(filepath.Base(path))
	switch base {
	case repoParameters:
		return nil
	case repoRules:
		if _, err := os.Stat(filepath.Join(dir, repoDefinition)); err == nil {
			return nil
		}
		return e.addSplit(dir, allowed)
	}
	return e.AddFile(path, allowed)
}

// addSplit assembles a definition from azurepolicy.rules.json and, when there
// is one, azurepolicy.parameters.json; it is named for its directory and, having
// no mode, is Indexed.
func (e *Export) addSplit(dir string, allowed Kinds) error {
	rulesPath := filepath.Join(dir, repoRules)
	rules, err := readJSONFile(rulesPath)
	if err != nil {
		return err
	}
	props := map[string]any{"displayName": filepath.Base(dir), "policyRule": rules}
	paramsPath := filepath.Join(dir, repoParameters)
	if _, err := os.Stat(paramsPath); err == nil {
		params, err := readJSONFile(paramsPath)
		if err != nil {
			return err
		}
		props["parameters"] = params
	}
	doc, err := json.Marshal(map[string]any{"name": filepath.Base(dir), "properties": props})
	if err != nil {
		return fmt.Errorf("%s: %w", rulesPath, err)
	}
	return e.Add(rulesPath, doc, allowed)
}

func readJSONFile(path string) (any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	var v any
	if err := decodeJSON(data, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, locateJSONError(data, err))
	}
	return v, nil
}

// fileError names the file once: "<path>: no such file or directory".
func fileError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, pe.Err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// Merge adds another export's contents (its library's definitions and sets
// included).
func (e *Export) Merge(o *Export) {
	for k, d := range o.Library.defs {
		e.Library.defs[k] = d
	}
	for k, s := range o.Library.sets {
		e.Library.sets[k] = s
	}
	e.Assignments = append(e.Assignments, o.Assignments...)
	e.Exemptions = append(e.Exemptions, o.Exemptions...)
	e.Definitions += o.Definitions
	e.Sets += o.Sets
}

// DefinitionFromMap reads a policy definition from a decoded JSON object, in
// either shape (see ParseDefinition): what a program registers, read from its
// inputs.
func DefinitionFromMap(doc map[string]any) (*Definition, error) { return definitionFromMap(doc) }

// SetDefinitionFromMap reads a policy set definition from a decoded JSON object
// (see ParseSetDefinition).
func SetDefinitionFromMap(doc map[string]any) (*SetDefinition, error) { return setFromMap(doc) }

// AssignmentFromMap reads a policy assignment from a decoded JSON object (see
// ParseAssignments).
func AssignmentFromMap(doc map[string]any) (*Assignment, error) { return assignmentFromMap(doc) }
