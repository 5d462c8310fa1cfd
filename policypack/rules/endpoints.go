package rules

import (
	"sort"
)

// isEndpoint reports whether an account serves models: kind OpenAI or AIServices (an
// unknown kind counts; one the program did not set does not, though the outputs say
// unknown at preview).
func isEndpoint(acct *Resource) bool {
	k := acct.Declared("kind")
	if k.IsUnknown() {
		return true
	}
	return k.Equal("OpenAI") || k.Equal("AIServices")
}

// accountLinks maps each deployment of the stack to its account.
type accountLinks struct {
	account map[*Resource]*Resource   // deployment -> account
	deploys map[*Resource][]*Resource // account -> deployments
	maybe   map[*Resource]bool        // deployments whose account is unknown at preview
}

// links returns the stack's deployment-to-account links, computed once per stack: by
// parent, by accountName (a property dependency, else the account's name or id; the
// name is an input only, which AnalyzeStack reads from the analyzed inputs), else by
// the deployment's id.
func links(s *Stack) *accountLinks {
	return s.memo("accountLinks", func() any {
		l := &accountLinks{account: map[*Resource]*Resource{}, deploys: map[*Resource][]*Resource{}, maybe: map[*Resource]bool{}}
		for _, d := range s.OfType(TypeDeployment) {
			var acct *Resource
			if p := s.ByURN(d.Parent); p != nil && p.Type == TypeAccount {
				acct = p
			}
			maybe := false
			if acct == nil {
				acct, maybe = s.Resolve(d, "accountName", "", TypeAccount)
			}
			if acct == nil && !maybe {
				if id, ok := d.Get("id").Str(); ok {
					if i := indexFold(id, "/accounts/"); i >= 0 {
						rest := id[i+len("/accounts/"):]
						for j := 0; j < len(rest); j++ {
							if rest[j] == '/' {
								rest = rest[:j]
								break
							}
						}
						acct = s.named(TypeAccount)[lower(rest)]
					}
				}
			}
			switch {
			case acct != nil:
				l.account[d] = acct
				l.deploys[acct] = append(l.deploys[acct], d)
			case maybe:
				l.maybe[d] = true
			}
		}
		return l
	}).(*accountLinks)
}

// deploymentsOf returns the deployments of an account, and whether some deployment
// may belong to it but cannot be told at preview.
func deploymentsOf(s *Stack, acct *Resource) (out []*Resource, maybe bool) {
	l := links(s)
	return l.deploys[acct], len(l.maybe) > 0
}

// accountOf returns a deployment's account in the stack, or whether the link is
// unknown at preview.
func accountOf(s *Stack, d *Resource) (acct *Resource, maybe bool) {
	l := links(s)
	return l.account[d], l.maybe[d]
}

// sortedSet returns a set's members in order.
func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
