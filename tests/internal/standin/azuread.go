package standin

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/aiready/aiready/internal/azschema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// AzureADVersion is the azuread version the stand-in reports and validates against.
const AzureADVersion = "5.17.0"

// AzureAD returns the azuread stand-in's package. With a schema (see LoadAzureAD)
// inputs are validated against the @pulumi/azuread 5.17.0 definitions; with nil,
// any inputs are accepted.
func AzureAD(s *ADSchema) Package {
	pkg := Package{
		Name:    "azuread",
		Version: AzureADVersion,
		Names: func(r *Resource) Names {
			return Names{ID: func() string { return guid(string(r.URN)) }}
		},
		Outputs: func(r *Resource, preview bool) resource.PropertyMap {
			outs := plainMap(r.Inputs)
			ids := map[string]string{"objectId": guid(string(r.URN))}
			if parseADToken(r.Token) == "Application" {
				ids["applicationId"] = guid(string(r.URN), "application")
			}
			for k, v := range ids {
				if preview {
					outs[resource.PropertyKey(k)] = resource.MakeComputed(resource.NewProperty(""))
				} else {
					outs[resource.PropertyKey(k)] = resource.NewProperty(v)
				}
			}
			return outs
		},
		Functions: map[string]func(Config, resource.PropertyMap) (resource.PropertyMap, error){
			"azuread:index/getClientConfig:getClientConfig": func(cfg Config, _ resource.PropertyMap) (resource.PropertyMap, error) {
				return resource.PropertyMap{
					"id":       resource.NewProperty(cfg.TenantID),
					"clientId": resource.NewProperty(cfg.ClientID),
					"objectId": resource.NewProperty(FakeObjectID),
					"tenantId": resource.NewProperty(cfg.TenantID),
				}, nil
			},
		},
	}
	if s != nil {
		pkg.Schema = s
	}
	return pkg
}

// ADSchema is the parsed @pulumi/azuread definitions: each resource's Args and the
// nested input types. It is safe for concurrent use.
type ADSchema struct {
	dir string

	mu      sync.Mutex
	args    map[string]*azschema.Object
	inputs  map[string]*azschema.Object
	indexed bool
}

var adTokenRE = regexp.MustCompile(`^azuread:index/(\w+):(\w+)$`)

func parseADToken(token string) string {
	if m := adTokenRE.FindStringSubmatch(token); m != nil {
		return m[2]
	}
	return ""
}

// LoadAzureAD returns the azuread definitions, fetching them with npm pack into
// the cache directory on first use.
func LoadAzureAD() (*ADSchema, error) {
	base, err := azschema.CacheDir()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(filepath.Dir(base), "azuread-"+AzureADVersion)
	if _, err := os.Stat(filepath.Join(dir, "types", "input.d.ts")); err != nil {
		if err := azschema.FetchDefinitions("@pulumi/azuread", AzureADVersion, dir); err != nil {
			return nil, err
		}
	}
	return &ADSchema{dir: dir, args: map[string]*azschema.Object{}}, nil
}

// Known reports whether token is an azuread 5.17.0 resource.
func (s *ADSchema) Known(token string) error {
	_, err := s.resourceArgs(token)
	return err
}

// Problems lists unknown and missing required properties, at every depth.
func (s *ADSchema) Problems(token string, inputs resource.PropertyMap) []Problem {
	args, err := s.resourceArgs(token)
	if err != nil {
		return []Problem{{Reason: err.Error()}}
	}
	var out []Problem
	s.object("", inputs, args, &out)
	sort.Slice(out, func(i, j int) bool { return out[i].Property < out[j].Property })
	return out
}

func (s *ADSchema) object(path string, props resource.PropertyMap, obj *azschema.Object, out *[]Problem) {
	for k, v := range props {
		name := string(k)
		if strings.HasPrefix(name, "__") {
			continue
		}
		p := joinPath(path, name)
		prop, ok := obj.Props[name]
		if !ok {
			*out = append(*out, Problem{Property: p, Reason: fmt.Sprintf("unknown property %q (%s); %s has: %s", p, obj.Name, obj.Name, strings.Join(obj.PropNames(), ", "))})
			continue
		}
		if prop.Ref == "" {
			continue
		}
		nested, err := s.input(prop.Ref)
		if err != nil {
			continue
		}
		v = unsecret(plain(v))
		switch {
		case v.IsObject():
			s.object(p, v.ObjectValue(), nested, out)
		case v.IsArray():
			for i, e := range v.ArrayValue() {
				if e.IsObject() {
					s.object(fmt.Sprintf("%s[%d]", p, i), e.ObjectValue(), nested, out)
				}
			}
		}
	}
	for _, name := range obj.PropNames() {
		if !obj.Props[name].Required {
			continue
		}
		if v, ok := props[resource.PropertyKey(name)]; !ok || v.IsNull() {
			p := joinPath(path, name)
			*out = append(*out, Problem{Property: p, Reason: fmt.Sprintf("missing required property %q (%s)", p, obj.Name)})
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

var (
	adPropRE  = regexp.MustCompile(`^    (\w+)(\??): (.*);$`)
	adRefRE   = regexp.MustCompile(`\binputs\.(\w+)`)
	adIfaceRE = regexp.MustCompile(`^export interface (\w+) \{$`)
)

func (s *ADSchema) resourceArgs(token string) (*azschema.Object, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.args[token]; ok {
		return a, nil
	}
	m := adTokenRE.FindStringSubmatch(token)
	if m == nil {
		return nil, fmt.Errorf("%w %s: not an azuread resource token (azuread:index/<module>:<Type>)", errUnknownToken, token)
	}
	file := filepath.Join(s.dir, m[1]+".d.ts")
	objs, err := parseInterfaces(file, m[2]+"Args")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w %s: azuread %s has no resource %s", errUnknownToken, token, AzureADVersion, m[2])
		}
		return nil, err
	}
	a, ok := objs[m[2]+"Args"]
	if !ok {
		a = &azschema.Object{Name: m[2] + "Args", Props: map[string]azschema.Prop{}}
	}
	s.args[token] = a
	return a, nil
}

func (s *ADSchema) input(name string) (*azschema.Object, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.indexed {
		objs, err := parseInterfaces(filepath.Join(s.dir, "types", "input.d.ts"), "")
		if err != nil {
			return nil, err
		}
		s.inputs, s.indexed = objs, true
	}
	o, ok := s.inputs[name]
	if !ok {
		return nil, fmt.Errorf("azuread definitions have no input type %s", name)
	}
	return o, nil
}

// parseInterfaces reads the top-level interfaces of a .d.ts file (only the one
// named only, when only is not "").
func parseInterfaces(path, only string) (map[string]*azschema.Object, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the azuread definitions: %w", err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	out := map[string]*azschema.Object{}
	var cur *azschema.Object
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if cur == nil {
			if m := adIfaceRE.FindStringSubmatch(line); m != nil && (only == "" || m[1] == only) {
				cur = &azschema.Object{Name: m[1], Props: map[string]azschema.Prop{}}
				out[m[1]] = cur
			}
			continue
		}
		if line == "}" {
			cur = nil
			continue
		}
		if m := adPropRE.FindStringSubmatch(line); m != nil {
			p := azschema.Prop{Name: m[1], Required: m[2] == "", Type: m[3]}
			if r := adRefRE.FindStringSubmatch(m[3]); r != nil {
				p.Ref = r[1]
			}
			cur.Props[m[1]] = p
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}
