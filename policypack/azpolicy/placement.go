package azpolicy

import "strings"

// where is a Placement with its id and containers lower-cased once, so that the
// scopes of many assignments are compared with it without allocating.
type where struct {
	id         string   // lower-case; "" when not known
	containers []string // lower-case, without a trailing slash
}

func placeOf(id string, containers []string) where {
	w := where{id: strings.ToLower(id), containers: make([]string, len(containers))}
	for i, c := range containers {
		w.containers[i] = lowerScope(c)
	}
	return w
}

// lowerScope is a scope as where compares it: lower-case, without a trailing
// slash.
func lowerScope(s string) string { return strings.ToLower(strings.TrimRight(s, "/")) }

// holds reports whether a lower-cased scope is the resource's id, a parent of
// it (comparisons stop at path segments), or one of its containers.
func (w *where) holds(scope string) bool {
	if scope == "" {
		return false
	}
	if n := len(scope); strings.HasPrefix(w.id, scope) && (len(w.id) == n || w.id[n] == '/') {
		return true
	}
	for _, c := range w.containers {
		if c == scope {
			return true
		}
	}
	return false
}

// holdsTri is holds with an id that may not be known: without one, a scope
// that is one of the containers holds the resource, another management group
// does not, and a subscription or resource group scope cannot be told.
func (w *where) holdsTri(scope string) tri {
	switch {
	case w.holds(scope):
		return triTrue
	case w.id != "":
		return triFalse
	case strings.HasPrefix(scope, "/providers/microsoft.management/managementgroups/"):
		return triFalse
	}
	return triUnknown
}
