package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// registered holds every rule; each rule file adds its own in an init function.
var registered []*Rule

func register(r *Rule) *Rule {
	registered = append(registered, r)
	return r
}

// All returns every rule of the pack, sorted by name.
func All() []*Rule {
	out := slices.Clone(registered)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ByName returns a rule by name, or nil.
func ByName(name string) *Rule {
	for _, r := range registered {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Applies reports whether the rule reads resources of r's type.
func (rule *Rule) Applies(r *Resource) bool {
	return slices.Contains(rule.Types, r.Type)
}

// Run judges one resource with a resource rule: nil when the rule is a stack rule or
// does not read the resource's type.
func (rule *Rule) Run(ctx *Context, r *Resource) []Finding {
	if rule.Check == nil || !rule.Applies(r) {
		return nil
	}
	return rule.Check(ctx, r)
}

// RunStack judges a stack with a stack rule: nil for a resource rule. The rule
// sees only the resources of its Types, so that its answer does not depend on
// which other rules run (the analyzer decodes only the types the enabled stack
// rules declare).
func (rule *Rule) RunStack(ctx *Context, s *Stack) []Finding {
	if rule.CheckStack == nil {
		return nil
	}
	return rule.CheckStack(ctx, s.view(rule))
}

// Index maps each resource type to the resource rules that read it, for dispatch.
type Index map[string][]*Rule

// NewIndex indexes the resource rules of a list.
func NewIndex(list []*Rule) Index {
	return indexBy(list, func(r *Rule) bool { return r.Check != nil })
}

// NewFixIndex indexes the rules with a Fix, resource and stack rules alike, for
// the analyzer's Remediate, which sees one resource at a time.
func NewFixIndex(list []*Rule) Index {
	return indexBy(list, func(r *Rule) bool { return r.Fix != nil })
}

// indexBy maps each type to the rules of list that keep holds for.
func indexBy(list []*Rule, keep func(*Rule) bool) Index {
	idx := Index{}
	for _, r := range list {
		if !keep(r) {
			continue
		}
		for _, t := range r.Types {
			idx[t] = append(idx[t], r)
		}
	}
	return idx
}

// guidRE matches a built-in policy definition's name.
var guidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// Validate checks the registry itself: names are unique kebab-case, every rule has its
// metadata, exactly one of Check and CheckStack, and each config key one home.
func Validate(list []*Rule) error {
	var errs []string
	names := map[string]bool{}
	keys := map[string]string{}
	for _, r := range list {
		if !isKebab(r.Name) {
			errs = append(errs, fmt.Sprintf("rule %q: name is not kebab-case", r.Name))
		}
		if names[r.Name] {
			errs = append(errs, fmt.Sprintf("rule %q: registered twice", r.Name))
		}
		names[r.Name] = true
		if r.Description == "" || !strings.HasSuffix(r.Description, ".") || strings.ToUpper(r.Description[:1]) != r.Description[:1] {
			errs = append(errs, fmt.Sprintf("rule %q: description must be a full sentence", r.Name))
		}
		if r.Section == "" || r.Recommendation == "" || r.MirrorsText() == "" || r.Severity == "" || len(r.Types) == 0 {
			errs = append(errs, fmt.Sprintf("rule %q: section, recommendation, mirrors, severity and types are required", r.Name))
		}
		for _, b := range r.BuiltIns {
			if !guidRE.MatchString(b.ID) || b.DisplayName == "" {
				errs = append(errs, fmt.Sprintf("rule %q: built-in %q needs a GUID id and Azure's display name", r.Name, b.ID))
			}
		}
		switch r.Level {
		case Advisory, Mandatory, Disabled, Remediate:
		default:
			errs = append(errs, fmt.Sprintf("rule %q: level %q is not an enforcement level", r.Name, r.Level))
		}
		if (r.Check == nil) == (r.CheckStack == nil) {
			errs = append(errs, fmt.Sprintf("rule %q: needs exactly one of Check and CheckStack", r.Name))
		}
		for _, k := range r.Config {
			if prev, ok := keys[k]; ok {
				errs = append(errs, fmt.Sprintf("config key %q: owned by both %s and %s", k, prev, r.Name))
			}
			keys[k] = r.Name
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("rules: %s", strings.Join(errs, "; "))
}

// ConfigHome returns the rule that owns a config key, or nil.
func ConfigHome(list []*Rule, key string) *Rule {
	for _, r := range list {
		if slices.Contains(r.Config, key) {
			return r
		}
	}
	return nil
}

func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// MirroredBuiltIns returns the ids of the built-in definitions the pack's rules
// mirror, sorted.
func MirroredBuiltIns() []string {
	seen := map[string]bool{}
	var ids []string
	for _, r := range All() {
		for _, b := range r.BuiltIns {
			if !seen[b.ID] {
				seen[b.ID] = true
				ids = append(ids, b.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}
