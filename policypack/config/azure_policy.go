package config

import (
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/aiready/aiready/policypack/azpolicy"
)

// AzurePolicy is the configuration of the azure-policy-assignments policy: the
// tenant's definitions, set definitions, assignments and exemptions (in config
// and in exported files), alias entries, the management group hierarchy above
// the stack, and whether the stack's own assignments are evaluated.
type AzurePolicy struct {
	// Definitions are the definitions and set definitions of
	// azurePolicyDefinitions.
	Definitions *azpolicy.Export
	// Assignments are azurePolicyAssignments.
	Assignments *azpolicy.Export
	// Exemptions are azurePolicyExemptions.
	Exemptions *azpolicy.Export
	// Files is what azurePolicyFiles hold.
	Files *azpolicy.Export
	// FileNames are azurePolicyFiles as given.
	FileNames []string
	// Aliases are DefaultAliases with azurePolicyAliases added; nil: the defaults.
	Aliases *azpolicy.AliasTable
	// ManagementGroups maps a management group or subscription id to the id of
	// the management group above it ("" for the tenant root group, which has none).
	ManagementGroups map[string]string
	// SkipStack turns off the evaluation of the stack's own definitions and
	// assignments (azurePolicyStackAssignments false).
	SkipStack bool

	tenant *azpolicy.Export
}

// Tenant returns everything the config supplies, merged: the definitions and sets
// of azurePolicyDefinitions and azurePolicyFiles, the assignments of
// azurePolicyAssignments and the files, the exemptions likewise. It is built
// when the config is set, so reading it is free.
func (a *AzurePolicy) Tenant() *azpolicy.Export {
	if a.tenant == nil {
		return azpolicy.NewExport()
	}
	return a.tenant
}

// rebuild merges the parts into the tenant export, after a key changed one.
func (a *AzurePolicy) rebuild() {
	t := azpolicy.NewExport()
	for _, part := range []*azpolicy.Export{a.Definitions, a.Files, a.Assignments, a.Exemptions} {
		if part != nil {
			t.Merge(part)
		}
	}
	a.tenant = t
}

// azurePolicyExport parses a config value that holds objects of an export.
func azurePolicyExport(key string, v any, kinds azpolicy.Kinds) (*azpolicy.Export, error) {
	if _, err := asArray(key, v); err != nil {
		return nil, err
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%s: encoding: %w", key, err)
	}
	e := azpolicy.NewExport()
	if err := e.Add(key, data, kinds); err != nil {
		return nil, err
	}
	return e, nil
}

var scopeIDRE = regexp.MustCompile(`^[A-Za-z0-9._()-]{1,90}$`)

func objectArraySchema(desc string) map[string]any {
	return map[string]any{"type": "array", "description": desc, "items": map[string]any{"type": "object"}}
}

// parseExport parses an inline export key into the AzurePolicy field it
// names and rebuilds the combined export.
func parseExport(key string, kinds azpolicy.Kinds, field func(*AzurePolicy) **azpolicy.Export) func(*Settings, any) error {
	return func(s *Settings, v any) error {
		e, err := azurePolicyExport(key, v, kinds)
		*field(&s.AzurePolicy) = e
		s.AzurePolicy.rebuild()
		return err
	}
}

// azurePolicyKeys are the keys of the azure-policy-assignments policy.
var azurePolicyKeys = []Key{
	{
		Name: "azurePolicyDefinitions",
		Description: "Policy definitions and policy set definitions the tenant has (the JSON of `az policy definition list` and `az policy set-definition list`, " +
			"or objects in the REST and Azure/azure-policy repository shape), for the assignments to evaluate: built-ins the stack assigns, the tenant's custom ones.",
		Schema: objectArraySchema("policy definitions and set definitions (az policy definition list, az policy set-definition list)"),
		parse:  parseExport("azurePolicyDefinitions", azpolicy.Definitions|azpolicy.Sets, func(p *AzurePolicy) **azpolicy.Export { return &p.Definitions }),
	},
	{
		Name:        "azurePolicyAssignments",
		Description: "Policy assignments in force in the tenant (the JSON of `az policy assignment list`), evaluated on the stack's resources they cover.",
		Schema:      objectArraySchema("policy assignments (az policy assignment list)"),
		parse:       parseExport("azurePolicyAssignments", azpolicy.Assignments, func(p *AzurePolicy) **azpolicy.Export { return &p.Assignments }),
	},
	{
		Name:        "azurePolicyExemptions",
		Description: "Policy exemptions of the tenant (the JSON of `az policy exemption list`): a resource at or below an exemption's scope is not reported for the assignment (or set members) it exempts until it expires.",
		Schema:      objectArraySchema("policy exemptions (az policy exemption list)"),
		parse:       parseExport("azurePolicyExemptions", azpolicy.Exemptions, func(p *AzurePolicy) **azpolicy.Export { return &p.Exemptions }),
	},
	{
		Name: "azurePolicyFiles",
		Description: "Files or directories exported from a tenant, read when the pack is configured: `az policy definition|set-definition|assignment|exemption list` output, " +
			"or the Azure/azure-policy repository's files; absolute paths, or relative to the directory the pack runs in (a policy pack's own directory).",
		Schema: stringArraySchema("export files or directories", nil),
		parse: func(s *Settings, v any) error {
			paths, err := asStrings("azurePolicyFiles", v, nil, "")
			if err != nil {
				return err
			}
			e := azpolicy.NewExport()
			for i, p := range paths {
				if err := e.AddPath(p, azpolicy.AnyKind); err != nil {
					return fmt.Errorf("azurePolicyFiles[%d]: %w", i, err)
				}
			}
			s.AzurePolicy.Files, s.AzurePolicy.FileNames = e, paths
			s.AzurePolicy.rebuild()
			return nil
		},
	},
	{
		Name:        "azurePolicyAliases",
		Description: "Alias entries beyond the evaluator's: the JSON of `az provider show --namespace <ns> --expand \"resourceTypes/aliases\"` (one provider, or a list).",
		Schema:      map[string]any{"type": []any{"object", "array"}, "description": "az provider show --expand resourceTypes/aliases output"},
		parse: func(s *Settings, v any) error {
			data, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("azurePolicyAliases: encoding: %w", err)
			}
			t := azpolicy.DefaultAliases()
			if _, err := t.AddProviderJSON(data, "pack config azurePolicyAliases"); err != nil {
				return fmt.Errorf("azurePolicyAliases: %w", err)
			}
			s.AzurePolicy.Aliases = t
			return nil
		},
	},
	{
		Name: "azurePolicyManagementGroups",
		Description: "The management group hierarchy above the stack, as the tenant has it: each management group or subscription id mapped to the management group above it, " +
			"\"\" for the tenant root group, e.g. {\"ai-corp\": \"corp\", \"corp\": \"landingzones\", \"landingzones\": \"alz\", \"alz\": \"\"}. " +
			"The stack's own ManagementGroup and ManagementGroupSubscription resources add to it.",
		Schema: map[string]any{
			"type": "object", "description": "management group or subscription id -> parent management group id",
			"additionalProperties": map[string]any{"type": "string", "pattern": `^$|` + scopeIDRE.String()},
		},
		parse: func(s *Settings, v any) error {
			m, err := asObject("azurePolicyManagementGroups", v)
			if err != nil {
				return err
			}
			out := make(map[string]string, len(m))
			for _, k := range SortedKeys(m) {
				path := "azurePolicyManagementGroups." + k
				if !scopeIDRE.MatchString(k) {
					return fmt.Errorf("%s: %q is not a management group or subscription id (1-90 letters, digits, -, _, (, ), .)", path, k)
				}
				p, ok := m[k].(string)
				if !ok || (p != "" && !scopeIDRE.MatchString(p)) {
					return fmt.Errorf("%s: %s is not a management group id; give the group above it, or \"\" for the tenant root group", path, show(m[k]))
				}
				out[k] = p
			}
			s.AzurePolicy.ManagementGroups = out
			return nil
		},
	},
	{
		Name:        "azurePolicyStackAssignments",
		Description: "Whether the policy definitions, set definitions and assignments the stack registers (AIPolicyBaseline's) are evaluated on the resources they cover.",
		Schema:      map[string]any{"type": "boolean", "description": "evaluate the stack's own assignments"},
		Default:     func() any { return true },
		parse: func(s *Settings, v any) error {
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("azurePolicyStackAssignments: %s is not a boolean; use true or false", show(v))
			}
			s.AzurePolicy.SkipStack = !b
			return nil
		},
	},
}
