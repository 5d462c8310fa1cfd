package rules

import (
	"sort"
	"strings"

	"github.com/aiready/aiready/policypack/props"
)

// mgroup is a management group the stack creates, adopts or assigns policy to.
type mgroup struct {
	id         string    // group id, lower-case for lookups is in groups' key
	res        *Resource // the ManagementGroup resource, if the stack has one
	archetypes map[string]string
	parent     string // parent group id, if known
	parentRes  *Resource
	parentUnk  bool // the parent is unknown at preview
	assigns    []*Resource
}

// groups indexes the stack's management groups and policy assignments.
type groups struct {
	byID        map[string]*mgroup
	orphanAssns []*Resource // assignments whose scope is unknown
}

func (g *groups) get(id string) *mgroup {
	key := strings.ToLower(id)
	m, ok := g.byID[key]
	if !ok {
		m = &mgroup{id: id, archetypes: map[string]string{}}
		g.byID[key] = m
	}
	return m
}

// sorted returns the groups by id.
func (g *groups) sorted() []*mgroup {
	out := make([]*mgroup, 0, len(g.byID))
	for _, m := range g.byID {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// groupID returns a ManagementGroup resource's id: groupId, an input only (AnalyzeStack
// reads it from the analyzed inputs), else the name output.
func groupID(r *Resource) (string, props.Value) {
	v := r.Get("groupId")
	if v.IsAbsent() {
		v = r.Get("name")
	}
	s, _ := v.Str()
	return s, v
}

// indexGroups finds the stack's management groups, their archetypes (pack config
// managementGroups, the group's aiready-archetype tag, the aiready metadata of the
// policy assignments at the group) and their parents.
func indexGroups(ctx *Context, s *Stack) *groups {
	g := &groups{byID: map[string]*mgroup{}}
	byURN := map[string]*mgroup{}
	for _, r := range s.OfType(TypeManagementGroup) {
		id, _ := groupID(r)
		if id == "" {
			id = r.Name // auto-named or unknown: key the group by its Pulumi name
		}
		m := g.get(id)
		m.res = r
		byURN[r.URN] = m
		if a := ctx.Settings.GroupArchetype(id); a != "" {
			m.archetypes[a] = "pack config managementGroups"
		}
		if a, ok := r.Tag(TagArchetype); ok && a != "" {
			m.archetypes[a] = "its " + TagArchetype + " tag"
		}
	}
	// Parents, once every group of the stack is known.
	for _, m := range g.byID {
		if m.res != nil {
			m.findParent(byURN)
		}
	}
	for _, a := range s.OfType(TypePolicyAssignment) {
		g.indexAssignment(ctx, a, byURN)
	}
	return g
}

// findParent sets the group's parent: the group of the stack its details depend
// on, else the declared details.parent.id (unknown at preview is recorded).
func (m *mgroup) findParent(byURN map[string]*mgroup) {
	r := m.res
	for _, dep := range r.PropertyDependencies["details"] {
		if p, ok := byURN[dep]; ok && p != m {
			m.parent, m.parentRes = p.id, p.res
		}
	}
	if m.parent != "" {
		return
	}
	// Declared: a group whose parent the program does not set is placed under
	// the tenant root group, though its outputs say unknown at preview.
	pv := r.Declared("details.parent.id")
	if pv.IsUnknown() {
		m.parentUnk = true
	} else if s, ok := pv.Str(); ok {
		if id := ManagementGroupOf(s); id != "" {
			m.parent = id
		} else {
			m.parent = s
		}
	}
}

// indexAssignment records a policy assignment at the group of its scope (a group
// of the stack it depends on, or a management group id), with the archetype of
// its aiready metadata; an assignment whose scope is unknown is an orphan.
func (g *groups) indexAssignment(ctx *Context, a *Resource, byURN map[string]*mgroup) {
	var m *mgroup
	for _, dep := range a.PropertyDependencies["scope"] {
		if p, ok := byURN[dep]; ok {
			m = p
		}
	}
	if m == nil {
		scope := a.Get("scope")
		if s, ok := scope.Str(); ok {
			if id := ManagementGroupOf(s); id != "" {
				m = g.get(id)
				if arch := ctx.Settings.GroupArchetype(id); arch != "" {
					m.archetypes[arch] = "pack config managementGroups"
				}
			}
		} else if scope.IsUnknown() {
			g.orphanAssns = append(g.orphanAssns, a)
		}
	}
	if m == nil {
		return
	}
	m.assigns = append(m.assigns, a)
	if arch, ok := a.Get(metadataKey + ".archetype").Str(); ok && arch != "" {
		m.archetypes[arch] = "the aiready metadata of policy assignment " + a.Label()
	}
}

// archetypeOf returns the group's one archetype, if it has exactly one.
func (m *mgroup) archetypeOf() string {
	if len(m.archetypes) != 1 {
		return ""
	}
	for a := range m.archetypes {
		return a
	}
	return ""
}

// urn is the URN findings about the group are reported on: the group's resource, or
// the stack when the stack only assigns policy to it.
func (m *mgroup) urn() string {
	if m.res != nil {
		return m.res.URN
	}
	return ""
}

// assignmentName returns the name an assignment is known by: its aiready metadata
// "assignment", its policyAssignmentName, or its Pulumi name.
func assignmentName(a *Resource) string {
	if s, ok := a.Get(metadataKey + ".assignment").Str(); ok && s != "" {
		return s
	}
	if s, ok := a.Get("policyAssignmentName").Str(); ok && s != "" {
		return s
	}
	if s, ok := a.Get("name").Str(); ok && s != "" {
		return s
	}
	return a.Name
}
