package config

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aiready/aiready/policypack/internal/conventions"
)

// Built-in archetypes. A user-named archetype behaves as the built-in one it is mapped
// to in the archetypes key.
const (
	Corp    = string(conventions.Corp)
	Online  = string(conventions.Online)
	Dev     = string(conventions.Dev)
	Sandbox = string(conventions.Sandbox)
)

// BuiltinArchetypes lists the archetypes the rules know.
var BuiltinArchetypes = conventions.WorkloadNames()

// Environments.
const (
	Production    = conventions.Production
	NonProduction = conventions.NonProduction
)

// PlatformAreas are the platform subscription areas of an Azure landing zone.
var PlatformAreas = []string{"connectivity", "management", "identity", "security"}

// AllowedModel is one approved model and the versions that may be deployed.
type AllowedModel struct {
	// Name is the model name (a deployment's properties.model.name), e.g. "gpt-4o".
	Name string `json:"name"`
	// Versions are the approved versions; empty approves every version.
	Versions []string `json:"versions,omitempty"`
}

// Override classifies one stack, overriding its stack config and tags.
type Override struct {
	// Archetype replaces the stack's archetype; empty keeps it.
	Archetype string `json:"archetype,omitempty"`
	// Environment replaces the stack's environment; empty keeps it.
	Environment string `json:"environment,omitempty"`
}

// Settings is the whole pack configuration after defaults and config are merged.
type Settings struct {
	// Archetype, when set, is the archetype of every stack the pack runs on.
	Archetype string
	// Environment, when set, is the environment of every stack the pack runs on.
	Environment string
	// Stacks classifies single stacks, keyed "<project>/<stack>" or "<stack>".
	Stacks map[string]Override
	// Archetypes maps a user-named archetype to the built-in one it behaves as.
	Archetypes map[string]string
	// ManagementGroups lists management group ids per archetype.
	ManagementGroups map[string][]string
	// RequiredAssignments lists, per archetype, the policies each of its management
	// groups must carry with enforcement on: an assignment name, a definition name
	// (a built-in's GUID, a custom definition's name), or a policy set member's
	// reference id; a member of an assigned set counts unless its effect is Disabled.
	RequiredAssignments map[string][]string
	// PlatformSubscriptions lists the platform subscription ids per area
	// (connectivity, management, identity, security).
	PlatformSubscriptions map[string][]string
	// AllowedModels are the approved models.
	AllowedModels []AllowedModel
	// Catalog is the availability table (the embedded catalog unless replaced).
	Catalog *Catalog
	// Quotas override the catalog's quotas.
	Quotas *Quotas
	// LifecycleWarningDays reports model versions retiring within this many days.
	LifecycleWarningDays int
	// LifecycleAsOf is the day lifecycle dates are compared with (YYYY-MM-DD); empty
	// means the day of the preview.
	LifecycleAsOf string
	// ManagementPorts are the ports no NSG rule may open to the internet.
	ManagementPorts []int
	// FastPathSKUs are the ExpressRoute gateway SKUs that support FastPath.
	FastPathSKUs []string
	// ExternalBastion says Azure Bastion is provided outside the stack (e.g. in a hub).
	ExternalBastion bool
	// AzurePolicy is the azure-policy-assignments policy's configuration.
	AzurePolicy AzurePolicy

	platform map[string]string // lower-case subscription id -> area
}

// DefaultLifecycleWarningDays is the default of lifecycleWarningDays.
const DefaultLifecycleWarningDays = 90

// LifecycleDay returns the day lifecycle dates are compared with: LifecycleAsOf, or now.
func (s *Settings) LifecycleDay(now time.Time) time.Time {
	if d, err := time.Parse(DateLayout, s.LifecycleAsOf); err == nil {
		return d
	}
	return now
}

// Default returns the settings used when no config is given.
func Default() *Settings {
	s := &Settings{
		Catalog:              DefaultCatalog(),
		LifecycleWarningDays: DefaultLifecycleWarningDays,
		ManagementPorts:      []int{22, 3389},
		FastPathSKUs:         []string{"UltraPerformance", "ErGw3AZ", "ErGwScale"},
		// Set members by their ALZ reference ids; an assignment of the same
		// definition under another name counts too (by definition name).
		RequiredAssignments: requiredAssignments(),
	}
	s.AllowedModels = defaultAllowedModels(s.Catalog)
	s.index()
	return s
}

// requiredAssignments are the conventions' required assignments by archetype name.
func requiredAssignments() map[string][]string {
	out := map[string][]string{}
	for a, names := range conventions.RequiredAssignments() {
		out[string(a)] = names
	}
	return out
}

func defaultAllowedModels(c *Catalog) []AllowedModel {
	out := make([]AllowedModel, 0, len(c.Models))
	for _, name := range SortedKeys(c.Models) {
		out = append(out, AllowedModel{Name: name, Versions: c.Models[name].VersionNames()})
	}
	return out
}

// Clone returns a deep enough copy for Set to change without touching the original.
func (s *Settings) Clone() *Settings {
	c := *s
	c.Stacks = cloneMap(s.Stacks)
	c.Archetypes = cloneMap(s.Archetypes)
	c.ManagementGroups = cloneMap(s.ManagementGroups)
	c.RequiredAssignments = cloneMap(s.RequiredAssignments)
	c.PlatformSubscriptions = cloneMap(s.PlatformSubscriptions)
	c.AllowedModels = slices.Clone(s.AllowedModels)
	c.ManagementPorts = slices.Clone(s.ManagementPorts)
	c.FastPathSKUs = slices.Clone(s.FastPathSKUs)
	c.platform = nil
	c.index()
	return &c
}

func cloneMap[V any](m map[string]V) map[string]V {
	if m == nil {
		return nil
	}
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// BaseArchetype returns the built-in archetype an archetype behaves as, or "" when it
// is neither built in nor mapped.
func (s *Settings) BaseArchetype(archetype string) string {
	a := strings.ToLower(archetype)
	if slices.Contains(BuiltinArchetypes, a) {
		return a
	}
	if s != nil {
		if b, ok := s.Archetypes[archetype]; ok {
			return b
		}
	}
	return ""
}

// PlatformArea returns the platform area ("connectivity", ...) of a subscription id,
// or "" when it is not a platform subscription.
func (s *Settings) PlatformArea(subscriptionID string) string {
	if s == nil || len(s.platform) == 0 {
		return ""
	}
	return s.platform[strings.ToLower(subscriptionID)]
}

// HasPlatformSubscriptions reports whether any platform subscription is configured.
func (s *Settings) HasPlatformSubscriptions() bool { return s != nil && len(s.platform) > 0 }

// GroupArchetype returns the archetype a management group id is listed under, if any.
func (s *Settings) GroupArchetype(groupID string) string {
	if s == nil {
		return ""
	}
	for _, a := range SortedKeys(s.ManagementGroups) {
		for _, id := range s.ManagementGroups[a] {
			if strings.EqualFold(id, groupID) {
				return a
			}
		}
	}
	return ""
}

func (s *Settings) index() {
	s.platform = map[string]string{}
	for area, ids := range s.PlatformSubscriptions {
		for _, id := range ids {
			s.platform[strings.ToLower(id)] = area
		}
	}
}

// Set parses one config key's value (as decoded from JSON) into the settings. The
// error names the key, the offending value and what is expected.
func (s *Settings) Set(key string, value any) error {
	k, ok := keysByName[key]
	if !ok {
		return fmt.Errorf("%s: unknown config key", key)
	}
	if err := k.parse(s, value); err != nil {
		return err
	}
	s.index()
	return nil
}

// Check validates what spans several keys: an archetype override must be built in or
// mapped, a management group may be listed under one archetype only, and quota
// overrides must name the catalog's models and deployment types.
func (s *Settings) Check() error {
	var errs []string
	checkArchetype := func(key, a string) {
		if a != "" && s.BaseArchetype(a) == "" {
			errs = append(errs, fmt.Sprintf("%s: archetype %q is neither built in (%s) nor mapped in archetypes", key, a, strings.Join(BuiltinArchetypes, ", ")))
		}
	}
	checkArchetype("archetype", s.Archetype)
	for _, name := range SortedKeys(s.Stacks) {
		checkArchetype("stacks."+name+".archetype", s.Stacks[name].Archetype)
	}
	seen := map[string]string{}
	for _, a := range SortedKeys(s.ManagementGroups) {
		for _, id := range s.ManagementGroups[a] {
			l := strings.ToLower(id)
			if prev, ok := seen[l]; ok && prev != a {
				errs = append(errs, fmt.Sprintf("managementGroups: group %q is listed under both %s and %s; a group belongs to one archetype", id, prev, a))
			}
			seen[l] = a
		}
	}
	if s.Quotas != nil && s.Catalog != nil {
		if err := s.Quotas.validate(s.Catalog, "quotas"); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(errs, "; "))
}

// Key is one config key: its schema, its default and its parser.
type Key struct {
	// Name is the key as written in the config.
	Name string
	// Description says what the key is for.
	Description string
	// Schema is the key's JSON schema, sent to the engine.
	Schema map[string]any
	// Default is the value sent in the pack's initial config; nil sends none.
	Default func() any
	parse   func(s *Settings, v any) error
}

var (
	subscriptionRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	groupIDRE      = regexp.MustCompile(`^[A-Za-z0-9._()-]{1,90}$`)
)

func stringArraySchema(desc string, item map[string]any) map[string]any {
	if item == nil {
		item = map[string]any{"type": "string", "minLength": 1}
	}
	return map[string]any{"type": "array", "description": desc, "items": item}
}

// Keys lists every config key of the pack.
var Keys = append([]Key{
	{
		Name:        "archetype",
		Description: "The archetype of every stack the pack runs on (corp, online, dev, sandbox or one mapped in archetypes); overrides stack config and tags.",
		Schema:      map[string]any{"type": "string", "minLength": 1, "description": "archetype override for every stack"},
		parse: func(s *Settings, v any) error {
			str, err := asString("archetype", v)
			s.Archetype = str
			return err
		},
	},
	{
		Name:        "environment",
		Description: "The environment of every stack the pack runs on (production or nonproduction); overrides stack config and tags.",
		Schema:      map[string]any{"type": "string", "enum": []any{Production, NonProduction}, "description": "environment override for every stack"},
		parse: func(s *Settings, v any) error {
			str, err := asEnvironment("environment", v)
			s.Environment = str
			return err
		},
	},
	{
		Name:        "stacks",
		Description: "Per-stack classification, keyed \"<project>/<stack>\" or \"<stack>\": {archetype, environment}; overrides stack config and tags.",
		Schema: map[string]any{
			"type": "object", "description": "per-stack archetype and environment",
			"additionalProperties": map[string]any{
				"type": "object", "additionalProperties": false,
				"properties": map[string]any{
					"archetype":   map[string]any{"type": "string", "minLength": 1},
					"environment": map[string]any{"type": "string", "enum": []any{Production, NonProduction}},
				},
			},
		},
		parse: func(s *Settings, v any) error {
			m, err := asObject("stacks", v)
			if err != nil {
				return err
			}
			out := make(map[string]Override, len(m))
			for name, raw := range m {
				path := "stacks." + name
				var ov Override
				if err := asFields(path, raw, "archetype or environment", map[string]func(string, any) error{
					"archetype":   func(p string, v any) (err error) { ov.Archetype, err = asString(p, v); return err },
					"environment": func(p string, v any) (err error) { ov.Environment, err = asEnvironment(p, v); return err },
				}); err != nil {
					return err
				}
				out[name] = ov
			}
			s.Stacks = out
			return nil
		},
	},
	{
		Name:        "archetypes",
		Description: "User-named archetypes mapped to the built-in archetype whose rules they follow, e.g. {\"ml-internal\": \"corp\"}.",
		Schema: map[string]any{
			"type": "object", "description": "user-named archetype -> built-in archetype",
			"additionalProperties": map[string]any{"type": "string", "enum": []any{Corp, Online, Dev, Sandbox}},
		},
		parse: func(s *Settings, v any) error {
			m, err := asObject("archetypes", v)
			if err != nil {
				return err
			}
			out := make(map[string]string, len(m))
			for name, raw := range m {
				base, err := asString("archetypes."+name, raw)
				if err != nil {
					return err
				}
				if !slices.Contains(BuiltinArchetypes, base) {
					return fmt.Errorf("archetypes.%s: %q is not a built-in archetype; use one of %s", name, base, strings.Join(BuiltinArchetypes, ", "))
				}
				out[name] = base
			}
			s.Archetypes = out
			return nil
		},
	},
	{
		Name:        "managementGroups",
		Description: "Management group ids per archetype, e.g. {\"corp\": [\"alz-corp\"], \"online\": [\"alz-online\"]}: the groups other stacks create, for the cross-stack governance rules.",
		Schema: map[string]any{
			"type": "object", "description": "archetype -> management group ids",
			"additionalProperties": stringArraySchema("management group ids", map[string]any{"type": "string", "pattern": groupIDRE.String()}),
		},
		parse: func(s *Settings, v any) error {
			m, err := asStringLists("managementGroups", v, groupIDRE, "a management group id (1-90 letters, digits, -, _, (, ), .)")
			s.ManagementGroups = m
			return err
		},
	},
	{
		Name:        "requiredAssignments",
		Description: "Policies each management group of an archetype must carry with enforcement on, per archetype: assignment names, definition names (built-in GUIDs, custom definition names) or policy set member reference ids (a member of an assigned set counts unless its effect is Disabled).",
		Schema: map[string]any{
			"type": "object", "description": "archetype -> assignment names, definition names or set member reference ids",
			"additionalProperties": stringArraySchema("assignment names, definition names or set member reference ids", nil),
		},
		Default: func() any { return stringListsToAny(Default().RequiredAssignments) },
		parse: func(s *Settings, v any) error {
			m, err := asStringLists("requiredAssignments", v, nil, "")
			s.RequiredAssignments = m
			return err
		},
	},
	{
		Name:        "platformSubscriptions",
		Description: "Platform subscription ids per area (connectivity, management, identity, security), where AI resources may not be deployed.",
		Schema: map[string]any{
			"type": "object", "description": "platform area -> subscription ids", "additionalProperties": false,
			"properties": map[string]any{
				"connectivity": stringArraySchema("subscription ids", map[string]any{"type": "string", "pattern": subscriptionRE.String()}),
				"management":   stringArraySchema("subscription ids", map[string]any{"type": "string", "pattern": subscriptionRE.String()}),
				"identity":     stringArraySchema("subscription ids", map[string]any{"type": "string", "pattern": subscriptionRE.String()}),
				"security":     stringArraySchema("subscription ids", map[string]any{"type": "string", "pattern": subscriptionRE.String()}),
			},
		},
		parse: func(s *Settings, v any) error {
			m, err := asStringLists("platformSubscriptions", v, subscriptionRE, "a subscription id (a GUID)")
			if err != nil {
				return err
			}
			for area := range m {
				if !slices.Contains(PlatformAreas, area) {
					return fmt.Errorf("platformSubscriptions.%s: unknown area; use %s", area, strings.Join(PlatformAreas, ", "))
				}
			}
			s.PlatformSubscriptions = m
			return nil
		},
	},
	{
		Name:        "allowedModels",
		Description: "The approved models: [{\"name\": \"gpt-4o\", \"versions\": [\"2024-11-20\"]}]; an empty versions list approves every version. Defaults to the catalog's models.",
		Schema: map[string]any{
			"type": "array", "description": "approved models",
			"items": map[string]any{
				"type": "object", "required": []any{"name"}, "additionalProperties": false,
				"properties": map[string]any{
					"name":     map[string]any{"type": "string", "minLength": 1},
					"versions": stringArraySchema("approved versions", nil),
				},
			},
		},
		Default: func() any {
			var out []any
			for _, m := range Default().AllowedModels {
				out = append(out, map[string]any{"name": m.Name, "versions": stringsToAny(m.Versions)})
			}
			return out
		},
		parse: func(s *Settings, v any) error {
			list, err := asArray("allowedModels", v)
			if err != nil {
				return err
			}
			out := make([]AllowedModel, 0, len(list))
			for i, raw := range list {
				path := fmt.Sprintf("allowedModels[%d]", i)
				var m AllowedModel
				if err := asFields(path, raw, "name and versions", map[string]func(string, any) error{
					"name":     func(p string, v any) (err error) { m.Name, err = asString(p, v); return err },
					"versions": func(p string, v any) (err error) { m.Versions, err = asStrings(p, v, nil, ""); return err },
				}); err != nil {
					return err
				}
				if m.Name == "" {
					return fmt.Errorf("%s.name: missing; name the model, e.g. \"gpt-4o\"", path)
				}
				out = append(out, m)
			}
			s.AllowedModels = out
			return nil
		},
	},
	{
		Name:        "catalog",
		Description: "A replacement for the embedded availability catalog (regions, models with the regions per version and deployment type and each version's lifecycle, deployment types, default quotas), in the shape of catalog.json.",
		Schema: map[string]any{
			"type": "object", "description": "availability catalog, the shape of catalog.json",
			"required": []any{"regions", "deploymentTypes", "models", "quotas"},
		},
		parse: func(s *Settings, v any) error {
			if _, err := asObject("catalog", v); err != nil {
				return err
			}
			data, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("catalog: encoding: %w", err)
			}
			c, err := LoadCatalog(data)
			if err != nil {
				return fmt.Errorf("catalog: %w", err)
			}
			c.Origin = "catalog of " + c.Version + " from the catalog config"
			s.Catalog = c
			return nil
		},
	},
	{
		Name: "catalogImport",
		Description: "A subscription's own listings, as written by the library's import command (go run ./catalog/cmd/import): in the regions it covers, " +
			"availability, quota (limit - currentValue) and lifecycle are judged against it instead of the catalog, and verdicts name it.",
		Schema: map[string]any{
			"type": "object", "description": "catalog import (subscription, date, regions, services)",
			"required": []any{"subscription", "date", "regions"},
		},
		parse: func(s *Settings, v any) error {
			if _, err := asObject("catalogImport", v); err != nil {
				return err
			}
			data, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("catalogImport: encoding: %w", err)
			}
			c, err := s.Catalog.decodeImport(data)
			if err != nil {
				return fmt.Errorf("catalogImport: %w", err)
			}
			s.Catalog = c
			return nil
		},
	},
	{
		Name:        "lifecycleWarningDays",
		Description: "Model versions retiring within this many days are reported (0 to 3650).",
		Schema:      map[string]any{"type": "integer", "minimum": 0, "maximum": 3650, "description": "days before a retirement to report it"},
		Default:     func() any { return DefaultLifecycleWarningDays },
		parse: func(s *Settings, v any) error {
			f, ok := v.(float64)
			if n, isInt := v.(int); isInt {
				f, ok = float64(n), true
			}
			if !ok || f != math.Trunc(f) || f < 0 || f > 3650 {
				return fmt.Errorf("lifecycleWarningDays: %s is not a whole number of days from 0 to 3650", show(v))
			}
			s.LifecycleWarningDays = int(f)
			return nil
		},
	},
	{
		Name:        "lifecycleAsOf",
		Description: "The day lifecycle dates are compared with (YYYY-MM-DD); by default the day of the preview.",
		Schema:      map[string]any{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "description": "lifecycle reference day"},
		parse: func(s *Settings, v any) error {
			str, err := asString("lifecycleAsOf", v)
			if err != nil {
				return err
			}
			if _, err := time.Parse(DateLayout, str); err != nil {
				return fmt.Errorf("lifecycleAsOf: %q is not a date (YYYY-MM-DD)", str)
			}
			s.LifecycleAsOf = str
			return nil
		},
	},
	{
		Name:        "quotas",
		Description: "Quota overrides per subscription and region on top of the catalog's: {\"default\": {\"Standard\": 300}, \"models\": {\"gpt-4o\": {\"GlobalStandard\": 1000}}}.",
		Schema: map[string]any{
			"type": "object", "description": "quota overrides", "additionalProperties": false,
			"properties": map[string]any{
				"default": map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "integer", "minimum": 1}},
				"models": map[string]any{"type": "object", "additionalProperties": map[string]any{
					"type": "object", "additionalProperties": map[string]any{"type": "integer", "minimum": 1},
				}},
			},
		},
		parse: func(s *Settings, v any) error {
			q := &Quotas{}
			if err := asFields("quotas", v, "default and models", map[string]func(string, any) error{
				"default": func(p string, v any) (err error) { q.Default, err = asCounts(p, v); return err },
				"models": func(p string, v any) error {
					mo, err := asObject(p, v)
					if err != nil {
						return err
					}
					q.Models = map[string]map[string]int{}
					for _, m := range slices.Sorted(maps.Keys(mo)) {
						if q.Models[m], err = asCounts(p+"."+m, mo[m]); err != nil {
							return err
						}
					}
					return nil
				},
			}); err != nil {
				return err
			}
			s.Quotas = q
			return nil
		},
	},
	{
		Name:        "managementPorts",
		Description: "The ports no NSG rule may open to the internet.",
		Schema: map[string]any{
			"type": "array", "description": "management ports",
			"items": map[string]any{"type": "integer", "minimum": 1, "maximum": 65535},
		},
		Default: func() any { return []any{22.0, 3389.0} },
		parse: func(s *Settings, v any) error {
			list, err := asArray("managementPorts", v)
			if err != nil {
				return err
			}
			out := make([]int, 0, len(list))
			for i, raw := range list {
				n, err := asInt(fmt.Sprintf("managementPorts[%d]", i), raw, 1, 65535)
				if err != nil {
					return err
				}
				out = append(out, n)
			}
			s.ManagementPorts = out
			return nil
		},
	},
	{
		Name:        "fastPathSkus",
		Description: "The ExpressRoute gateway SKUs that support FastPath.",
		Schema:      stringArraySchema("gateway SKUs", nil),
		Default:     func() any { return stringsToAny(Default().FastPathSKUs) },
		parse: func(s *Settings, v any) error {
			l, err := asStrings("fastPathSkus", v, nil, "")
			s.FastPathSKUs = l
			return err
		},
	},
	{
		Name:        "externalBastion",
		Description: "True when Azure Bastion is provided outside the stack (e.g. in a connectivity hub), so a stack with virtual machines needs no Bastion host of its own.",
		Schema:      map[string]any{"type": "boolean", "description": "Bastion provided outside the stack"},
		Default:     func() any { return false },
		parse: func(s *Settings, v any) error {
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("externalBastion: %s is not a boolean; use true or false", show(v))
			}
			s.ExternalBastion = b
			return nil
		},
	},
}, azurePolicyKeys...)

var keysByName = func() map[string]*Key {
	m := make(map[string]*Key, len(Keys))
	for i := range Keys {
		m[Keys[i].Name] = &Keys[i]
	}
	return m
}()

// LookupKey returns a key by name.
func LookupKey(name string) (*Key, bool) {
	k, ok := keysByName[name]
	return k, ok
}

func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	const maxLen = 80
	if len(b) > maxLen {
		return string(b[:maxLen]) + "..."
	}
	return string(b)
}

func asString(path string, v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s: %s is not a string", path, show(v))
	}
	if strings.TrimSpace(s) == "" {
		return "", fmt.Errorf("%s: empty; give a value or leave the key out", path)
	}
	return s, nil
}

func asEnvironment(path string, v any) (string, error) {
	s, ok := v.(string)
	if !ok || (s != Production && s != NonProduction) {
		return "", fmt.Errorf("%s: %s is not an environment; use %q or %q", path, show(v), Production, NonProduction)
	}
	return s, nil
}

// asFields decodes an object key by key: each known key's decoder gets the key's
// path and value; an unknown key is an error that says which keys to use (known,
// e.g. "name and versions"). Keys are visited in sorted order, so a config with
// several problems always reports the same one.
func asFields(path string, v any, known string, fields map[string]func(path string, v any) error) error {
	o, err := asObject(path, v)
	if err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(o)) {
		decode, ok := fields[k]
		if !ok {
			return fmt.Errorf("%s.%s: unknown key; use %s", path, k, known)
		}
		if err := decode(path+"."+k, o[k]); err != nil {
			return err
		}
	}
	return nil
}

func asObject(path string, v any) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: %s is not an object", path, show(v))
	}
	return m, nil
}

func asArray(path string, v any) ([]any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: %s is not a list", path, show(v))
	}
	return a, nil
}

func asStrings(path string, v any, re *regexp.Regexp, what string) ([]string, error) {
	a, err := asArray(path, v)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(a))
	for i, raw := range a {
		p := fmt.Sprintf("%s[%d]", path, i)
		s, err := asString(p, raw)
		if err != nil {
			return nil, err
		}
		if re != nil && !re.MatchString(s) {
			return nil, fmt.Errorf("%s: %q is not %s", p, s, what)
		}
		out = append(out, s)
	}
	return out, nil
}

func asStringLists(path string, v any, re *regexp.Regexp, what string) (map[string][]string, error) {
	m, err := asObject(path, v)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(m))
	for _, k := range SortedKeys(m) {
		l, err := asStrings(path+"."+k, m[k], re, what)
		if err != nil {
			return nil, err
		}
		out[k] = l
	}
	return out, nil
}

func asInt(path string, v any, lo, hi int) (int, error) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || f < float64(lo) || f > float64(hi) {
		return 0, fmt.Errorf("%s: %s is not an integer from %d to %d", path, show(v), lo, hi)
	}
	return int(f), nil
}

func asCounts(path string, v any) (map[string]int, error) {
	m, err := asObject(path, v)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(m))
	for k, raw := range m {
		n, err := asInt(path+"."+k, raw, 1, math.MaxInt32)
		if err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, nil
}

func stringsToAny(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

func stringListsToAny(m map[string][]string) map[string]any {
	out := make(map[string]any, len(m))
	keys := SortedKeys(m)
	sort.Strings(keys)
	for _, k := range keys {
		out[k] = stringsToAny(m[k])
	}
	return out
}
