package managementgroups

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/aiready/aiready/internal/conventions"
)

// Well-known archetypes. Any other lower-case name is a user-named archetype.
const (
	ArchetypeCorp    = string(conventions.Corp)
	ArchetypeOnline  = string(conventions.Online)
	ArchetypeSandbox = string(conventions.Sandbox)
	ArchetypeDev     = string(conventions.Dev)
)

// Access roles of a group's Entra ID security groups.
const (
	RoleOwners       = "owners"
	RoleContributors = "contributors"
	RoleReaders      = "readers"
)

// Built-in Azure role definitions used by default for the access roles.
const (
	OwnerRoleDefinitionID       = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
	ContributorRoleDefinitionID = "b24988ac-6180-42a0-ab88-20f7382dd24c"
	ReaderRoleDefinitionID      = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
)

// ManagementGroupIDPrefix is the resource id prefix of every management group.
const ManagementGroupIDPrefix = "/providers/Microsoft.Management/managementGroups/"

// Args describe a management-group hierarchy for AI workloads.
type Args struct {
	// ParentID is the existing management group every top-level group of the tree
	// is created under: its id ("landingzones"), its full resource id
	// ("/providers/Microsoft.Management/managementGroups/landingzones"), or the tenant
	// id for the tenant root group. Required. It is never created or modified.
	ParentID string

	// Groups are the nodes of the tree, parents before or after children in any
	// order. Required: at least one.
	Groups []Group

	// PlatformSubscriptions are the subscriptions of the platform landing zone.
	// Placing any of them in an AI group is an error: AI resources must inherit their
	// policies from a workload group, not from the platform. Optional but strongly
	// recommended.
	PlatformSubscriptions PlatformSubscriptions
}

// PlatformSubscriptions lists the platform landing zone's subscription ids by role.
type PlatformSubscriptions struct {
	// Connectivity subscriptions (hub networks, gateways, DNS).
	Connectivity []string
	// Management subscriptions (Log Analytics, automation).
	Management []string
	// Identity subscriptions (domain controllers).
	Identity []string
	// Security subscriptions (Sentinel, security tooling).
	Security []string
}

// Role returns the platform role of a subscription id ("connectivity", ...) or "".
func (p PlatformSubscriptions) Role(subscriptionID string) string {
	for _, r := range []struct {
		name string
		ids  []string
	}{{"connectivity", p.Connectivity}, {"management", p.Management}, {"identity", p.Identity}, {"security", p.Security}} {
		for _, id := range r.ids {
			if strings.EqualFold(id, subscriptionID) {
				return r.name
			}
		}
	}
	return ""
}

func (p PlatformSubscriptions) all() map[string][]string {
	return map[string][]string{"Connectivity": p.Connectivity, "Management": p.Management, "Identity": p.Identity, "Security": p.Security}
}

// Group is one management group of the tree.
type Group struct {
	// ID is the management group id: 1–90 characters, letters, digits, '-', '_',
	// '(', ')' and '.', not ending with '.'. Required, unique in the tree.
	ID string
	// DisplayName is the friendly name (at most 90 characters). Defaults to ID.
	DisplayName string
	// Parent is the ID of another group of the tree; empty places the group under
	// Args.ParentID.
	Parent string
	// Archetype decides the group's policies: "corp" (internal), "online"
	// (internet-facing), "sandbox" or "dev", or a user-named archetype (lower-case
	// letters, digits and '-'). Required.
	Archetype string
	// Adopt references an existing group with this ID instead of creating it: it is
	// read, never created, updated or deleted. Default false.
	Adopt bool
	// Subscriptions are the workload subscription ids placed in the group. A
	// subscription may be placed in one group only, and never a platform one.
	Subscriptions []string
	// Access holds the Entra ID groups that get roles at this group's scope.
	Access Access
}

// Access names the Entra ID security groups of an AI management group.
type Access struct {
	// Owners get OwnerRoleDefinitionID unless RoleDefinitionID says otherwise.
	Owners EntraGroup
	// Contributors get ContributorRoleDefinitionID unless RoleDefinitionID says otherwise.
	Contributors EntraGroup
	// Readers get ReaderRoleDefinitionID unless RoleDefinitionID says otherwise.
	Readers EntraGroup
}

func (a Access) byRole() []struct {
	role  string
	group EntraGroup
	def   string
} {
	return []struct {
		role  string
		group EntraGroup
		def   string
	}{
		{RoleOwners, a.Owners, OwnerRoleDefinitionID},
		{RoleContributors, a.Contributors, ContributorRoleDefinitionID},
		{RoleReaders, a.Readers, ReaderRoleDefinitionID},
	}
}

// EntraGroup is one access role's Entra ID security group: adopted by ObjectID,
// created (Create), or neither (no access managed for the role).
type EntraGroup struct {
	// ObjectID adopts an existing group by object id (a GUID). Mutually exclusive
	// with Create.
	ObjectID string
	// Create makes a new, security-enabled, non-mail group.
	Create bool
	// DisplayName of a created group. Defaults to "sg-<group id>-ai-<role>".
	DisplayName string
	// Owners are the object ids of a created group's owners. Optional.
	Owners []string
	// Members are the object ids of a created group's members. Optional.
	Members []string
	// RoleDefinitionID overrides the role granted at the management group's scope
	// (a role definition GUID). Optional.
	RoleDefinitionID string
}

func (e EntraGroup) enabled() bool { return e.ObjectID != "" || e.Create }

var (
	groupIDRE = regexp.MustCompile(`^[A-Za-z0-9_\-().]{1,90}$`)
	guidRE    = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// ErrInvalidArgs is wrapped by every validation error of this package.
var ErrInvalidArgs = errors.New("invalid ManagementGroupHierarchy args")

// ValidGroupID reports whether Azure accepts id as a management group id.
func ValidGroupID(id string) bool {
	return groupIDRE.MatchString(id) && !strings.HasSuffix(id, ".")
}

// ParentResourceID returns the full resource id of Args.ParentID.
func (a *Args) ParentResourceID() string {
	return ResourceID(strings.TrimPrefix(a.ParentID, ManagementGroupIDPrefix))
}

// ResourceID returns the full resource id of a management group id.
func ResourceID(groupID string) string { return ManagementGroupIDPrefix + groupID }

// Validate checks the args without registering anything. Every problem is
// reported, each naming the field, the value and what is allowed.
func (a *Args) Validate() error {
	if a == nil {
		return fmt.Errorf("%w: args are required", ErrInvalidArgs)
	}
	c := &argsCheck{a: a, parent: strings.TrimPrefix(a.ParentID, ManagementGroupIDPrefix), byID: map[string]int{}}
	c.parentAndPlatform()
	if len(a.Groups) == 0 {
		c.bad("Groups is empty: describe at least one management group")
	}
	for i, g := range a.Groups {
		c.group(i, g)
	}
	placed := map[string]string{}
	for i, g := range a.Groups {
		c.placement(i, g, placed)
	}
	if len(c.errs) > 0 {
		return errors.Join(c.errs...)
	}
	c.tree()
	return errors.Join(c.errs...)
}

// argsCheck collects the problems of one Args.
type argsCheck struct {
	a      *Args
	errs   []error
	parent string
	// byID maps each group's lower-case id to its index in Groups.
	byID map[string]int
}

func (c *argsCheck) bad(format string, v ...any) {
	c.errs = append(c.errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidArgs}, v...)...))
}

// parentAndPlatform checks ParentID and the platform subscription ids.
func (c *argsCheck) parentAndPlatform() {
	a := c.a
	switch {
	case a.ParentID == "":
		c.bad("ParentID is empty: name the existing management group to build under (e.g. \"landingzones\", or the tenant id for the tenant root group)")
	case !ValidGroupID(c.parent):
		c.bad("ParentID %q is not a management group id or %s<id>: ids are 1-90 letters, digits, '-', '_', '(', ')', '.', not ending with '.'", a.ParentID, ManagementGroupIDPrefix)
	}
	for role, ids := range a.PlatformSubscriptions.all() {
		for i, id := range ids {
			if !guidRE.MatchString(id) {
				c.bad("PlatformSubscriptions.%s[%d] %q is not a subscription id (a GUID)", role, i, id)
			}
		}
	}
}

// group checks Groups[i] on its own: id (unique), display name, archetype, access.
func (c *argsCheck) group(i int, g Group) {
	field := fmt.Sprintf("Groups[%d]", i)
	switch {
	case g.ID == "":
		c.bad("%s.ID is empty: every group needs an id", field)
	case !ValidGroupID(g.ID):
		c.bad("%s.ID %q is not a valid management group id: use 1-90 letters, digits, '-', '_', '(', ')', '.', not ending with '.'", field, g.ID)
	case strings.EqualFold(g.ID, c.parent):
		c.bad("%s.ID %q is the same as ParentID: a group cannot be its own parent", field, g.ID)
	}
	if j, dup := c.byID[strings.ToLower(g.ID)]; dup && g.ID != "" {
		c.bad("%s.ID %q duplicates Groups[%d].ID (management group ids are unique per tenant, case-insensitively)", field, g.ID, j)
	} else {
		c.byID[strings.ToLower(g.ID)] = i
	}
	if len(g.DisplayName) > 90 {
		c.bad("%s.DisplayName is %d characters long; Azure allows at most 90", field, len(g.DisplayName))
	}
	if !conventions.ValidName(g.Archetype) {
		c.bad("%s.Archetype %q: use corp, online, sandbox, dev, or a user-named archetype of lower-case letters, digits and '-'", field, g.Archetype)
	}
	for _, r := range g.Access.byRole() {
		c.entraGroup(fmt.Sprintf("%s.Access.%s", field, strings.ToUpper(r.role[:1])+r.role[1:]), r.group)
	}
}

// entraGroup checks one access role's Entra ID group; rf is its field path.
func (c *argsCheck) entraGroup(rf string, eg EntraGroup) {
	if eg.ObjectID != "" && eg.Create {
		c.bad("%s: ObjectID %q and Create are mutually exclusive: adopt an existing group or create one", rf, eg.ObjectID)
	}
	if eg.ObjectID != "" && !guidRE.MatchString(eg.ObjectID) {
		c.bad("%s.ObjectID %q is not an Entra ID object id (a GUID)", rf, eg.ObjectID)
	}
	if eg.RoleDefinitionID != "" && !guidRE.MatchString(eg.RoleDefinitionID) {
		c.bad("%s.RoleDefinitionID %q is not a role definition id (a GUID)", rf, eg.RoleDefinitionID)
	}
	if !eg.Create && (eg.DisplayName != "" || len(eg.Owners) > 0 || len(eg.Members) > 0) {
		c.bad("%s: DisplayName, Owners and Members apply to a created group only; set Create", rf)
	}
	for j, id := range append(slices.Clone(eg.Owners), eg.Members...) {
		if !guidRE.MatchString(id) {
			c.bad("%s: owner/member %d %q is not an Entra ID object id (a GUID)", rf, j, id)
		}
	}
}

// placement checks Groups[i]'s parent and subscriptions: workload subscription
// ids, each placed once (placed maps lower-case ids to their group).
func (c *argsCheck) placement(i int, g Group, placed map[string]string) {
	a := c.a
	field := fmt.Sprintf("Groups[%d]", i)
	if g.Parent != "" {
		if _, ok := c.byID[strings.ToLower(g.Parent)]; !ok {
			c.bad("%s.Parent %q is not the id of a group in Groups; leave it empty to place %q under ParentID %q", field, g.Parent, g.ID, a.ParentID)
		}
	}
	for j, sub := range g.Subscriptions {
		sf := fmt.Sprintf("%s.Subscriptions[%d]", field, j)
		if !guidRE.MatchString(sub) {
			c.bad("%s %q is not a subscription id (a GUID)", sf, sub)
			continue
		}
		if role := a.PlatformSubscriptions.Role(sub); role != "" {
			c.bad("%s %q is the platform %s subscription: AI workloads must be deployed in workload subscriptions under their own management group, not in platform subscriptions; use an application landing zone subscription", sf, sub, role)
		}
		if other, dup := placed[strings.ToLower(sub)]; dup {
			c.bad("%s %q is already placed in group %q: a subscription belongs to one management group", sf, sub, other)
		} else {
			placed[strings.ToLower(sub)] = g.ID
		}
	}
}

// tree checks the tree of valid groups: no cycles, then corp and online never
// nested in each other.
func (c *argsCheck) tree() {
	a := c.a
	parentOf := map[string]string{}
	for _, g := range a.Groups {
		parentOf[strings.ToLower(g.ID)] = strings.ToLower(g.Parent)
	}
	for i, g := range a.Groups {
		seen := map[string]bool{}
		for cur := strings.ToLower(g.ID); cur != ""; cur = parentOf[cur] {
			if seen[cur] {
				c.bad("Groups[%d].Parent: %q is part of a cycle (%s); every chain of parents must end at ParentID", i, g.ID, cycle(parentOf, cur))
				break
			}
			seen[cur] = true
		}
	}
	if len(c.errs) > 0 {
		return
	}
	for i, g := range a.Groups {
		for cur := strings.ToLower(g.Parent); cur != ""; cur = parentOf[cur] {
			anc := a.Groups[c.byID[cur]]
			if isSeparated(g.Archetype) && isSeparated(anc.Archetype) && anc.Archetype != g.Archetype {
				c.bad("Groups[%d] %q (%s) is nested under %q (%s): internal (corp) and internet-facing (online) AI workloads need separate management groups, neither inside the other; give them a common parent instead", i, g.ID, g.Archetype, anc.ID, anc.Archetype)
			}
		}
	}
}

func isSeparated(archetype string) bool {
	return archetype == ArchetypeCorp || archetype == ArchetypeOnline
}

func cycle(parentOf map[string]string, start string) string {
	path := []string{start}
	for cur := parentOf[start]; cur != start && cur != ""; cur = parentOf[cur] {
		path = append(path, cur)
	}
	return strings.Join(append(path, start), " -> ")
}

// order returns the groups' indexes with every parent before its children.
func (a *Args) order() []int {
	depth := func(i int) int {
		d := 0
		parentOf := map[string]string{}
		for _, g := range a.Groups {
			parentOf[strings.ToLower(g.ID)] = strings.ToLower(g.Parent)
		}
		for cur := strings.ToLower(a.Groups[i].Parent); cur != ""; cur = parentOf[cur] {
			d++
		}
		return d
	}
	idx := make([]int, len(a.Groups))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return depth(x) - depth(y) })
	return idx
}
