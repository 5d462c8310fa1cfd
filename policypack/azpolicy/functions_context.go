package azpolicy

import (
	"math/big"
	"net/netip"
	"strings"
	"time"
)

// registerContext: the functions only policy rules have, and the ARM functions
// that read the deployment context
// (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions).
func registerContext() {
	register(
		&function{name: "parameters", min: 1, max: 1, pure: true, call: fnParameters},
		&function{name: "field", min: 1, max: 1, call: fnField},
		&function{name: "current", min: 0, max: 1, call: fnCurrent},
		&function{name: "resourceGroup", min: 0, max: 0, call: func(s *state, _ []any) (any, error) {
			return contextObject(s, func(c *Context) map[string]any { return c.ResourceGroup }), nil
		}},
		&function{name: "subscription", min: 0, max: 0, call: func(s *state, _ []any) (any, error) {
			return contextObject(s, func(c *Context) map[string]any { return c.Subscription }), nil
		}},
		&function{name: "requestContext", min: 0, max: 0, call: fnRequestContext},
		&function{name: "policy", min: 0, max: 0, call: fnPolicy},
		&function{name: "utcNow", min: 0, max: 1, call: fnUtcNow},
		pureFn("addDays", 2, 2, fnAddDays),
		pureFn("ipRangeContains", 2, 2, fnIPRangeContains),
	)
}

func fnParameters(s *state, a []any) (any, error) {
	name, ok := a[0].(string)
	if !ok {
		return nil, errorf("parameters expects a parameter name, got %s", kindName(a[0]))
	}
	if v, ok := lookupFold(s.params, name); ok {
		return v, nil
	}
	return nil, errorf("the definition has no parameter '%s'", name)
}

func fnField(s *state, a []any) (any, error) {
	name, ok := a[0].(string)
	if !ok {
		return nil, errorf("field expects a field name, got %s", kindName(a[0]))
	}
	f, err := parseField(name, s.aliasTable())
	if err != nil {
		return nil, err
	}
	return s.fieldValue(f), nil
}

func fnCurrent(s *state, a []any) (any, error) {
	if len(a) == 0 {
		return s.currentValue("", "", nil)
	}
	name, ok := a[0].(string)
	if !ok {
		return nil, errorf("current expects an index name or an alias, got %s", kindName(a[0]))
	}
	return s.currentValue(name, strings.ToLower(name), nil)
}

// fieldFnNode is field('literal'), parsed once when parameters are bound.
type fieldFnNode struct{ ref *fieldRef }

func (n *fieldFnNode) eval(s *state) (any, error) { return s.fieldValue(n.ref), nil }

// currentNode is current('literal'), parsed once when parameters are bound.
type currentNode struct {
	name, lower string
	ref         *aliasRef
}

func (n *currentNode) eval(s *state) (any, error) { return s.currentValue(n.name, n.lower, n.ref) }

// contextObject returns resourceGroup() or subscription() from the context, or
// Unknown when the caller does not know it.
func contextObject(s *state, get func(*Context) map[string]any) any {
	if s.ctx == nil {
		return Unknown
	}
	if m := get(s.ctx); m != nil {
		return m
	}
	return Unknown
}

func fnRequestContext(s *state, _ []any) (any, error) {
	var api any = Unknown
	if s.ctx != nil && s.ctx.APIVersion != "" {
		api = s.ctx.APIVersion
	}
	return map[string]any{"apiVersion": api, "identity": Unknown}, nil
}

func fnPolicy(s *state, _ []any) (any, error) {
	out := map[string]any{"assignmentId": "", "definitionId": "", "setDefinitionId": "", "definitionReferenceId": ""}
	if p := s.pol; p != nil {
		if p.Assignment != nil {
			out["assignmentId"] = p.Assignment.ID
		}
		if p.Definition != nil {
			out["definitionId"] = p.Definition.ID
		}
		if p.Set != nil {
			out["setDefinitionId"] = p.Set.ID
		}
		out["definitionReferenceId"] = p.ReferenceID
	}
	return out, nil
}

// isoLayout is the format utcNow() and addDays() return: yyyy-MM-ddTHH:mm:ss.fffffffZ.
const isoLayout = "2006-01-02T15:04:05.0000000Z"

func fnUtcNow(s *state, a []any) (any, error) {
	if s.ctx == nil || s.ctx.Now.IsZero() {
		return Unknown, nil
	}
	now := s.ctx.Now.UTC()
	if len(a) == 0 {
		return now.Format(isoLayout), nil
	}
	f, err := stringArg("utcNow", a[0])
	if err != nil {
		return nil, err
	}
	return dotnetFormat(now, f)
}

// dotnetFormat supports the custom date and time format specifiers yyyy, yy, MM,
// dd, HH, mm, ss and f to fffffff, and the standard format "u"; T and Z, quoted
// text and punctuation are copied; any other specifier is an error.
func dotnetFormat(t time.Time, f string) (string, error) {
	if f == "u" {
		return t.Format("2006-01-02 15:04:05Z"), nil
	}
	layouts := map[string]string{"yyyy": "2006", "yy": "06", "MM": "01", "dd": "02", "HH": "15", "mm": "04", "ss": "05"}
	var b strings.Builder
	for i := 0; i < len(f); {
		c := f[i]
		j := i
		for j < len(f) && f[j] == c {
			j++
		}
		run := f[i:j]
		switch {
		case c == '\'':
			end := strings.IndexByte(f[i+1:], '\'')
			if end < 0 {
				return "", errorf("utcNow: unterminated quote in %q", f)
			}
			b.WriteString(f[i+1 : i+1+end])
			j = i + end + 2
		case layouts[run] != "":
			b.WriteString(t.Format(layouts[run]))
		case c == 'f' && len(run) <= 7:
			b.WriteString(t.Format("." + strings.Repeat("0", len(run)))[1:])
		case c == 'T' || c == 'Z' || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')):
			b.WriteString(run)
		default:
			return "", errorf("utcNow: the format specifier %q is not supported", run)
		}
		i = j
	}
	return b.String(), nil
}

func fnAddDays(a []any) (any, error) {
	s, err := stringArg("addDays", a[0])
	if err != nil {
		return nil, err
	}
	t, ok := parseDate(s)
	if !ok {
		return nil, errorf("addDays: %s is not an ISO 8601 date and time", Render(s))
	}
	n, err := intArg("addDays", a[1])
	if err != nil {
		return nil, err
	}
	return t.AddDate(0, 0, n).UTC().Format(isoLayout), nil
}

// fnIPRangeContains is ipRangeContains(range, targetRange): single addresses,
// CIDR ranges and start-end ranges; empty ranges and mixed IP families are an
// error, as documented.
func fnIPRangeContains(a []any) (any, error) {
	outer, err := parseIPRange(a[0])
	if err != nil {
		return nil, err
	}
	inner, err := parseIPRange(a[1])
	if err != nil {
		return nil, err
	}
	if outer.first.Is4() != inner.first.Is4() {
		return nil, errorf("ipRangeContains: %s and %s are of different IP families", Render(a[0]), Render(a[1]))
	}
	return outer.first.Compare(inner.first) <= 0 && inner.last.Compare(outer.last) <= 0, nil
}

type ipRange struct{ first, last netip.Addr }

func parseIPRange(v any) (ipRange, error) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return ipRange{}, errorf("ipRangeContains expects an IP address, a CIDR range or a start-end range, got %s", Render(v))
	}
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return ipRange{}, errorf("ipRangeContains: %s is not a CIDR range: %v", Render(s), err)
		}
		p = p.Masked()
		return ipRange{first: p.Addr(), last: lastAddr(p)}, nil
	}
	if lo, hi, ok := strings.Cut(s, "-"); ok {
		first, err1 := netip.ParseAddr(strings.TrimSpace(lo))
		last, err2 := netip.ParseAddr(strings.TrimSpace(hi))
		if err1 != nil || err2 != nil || first.Is4() != last.Is4() || last.Less(first) {
			return ipRange{}, errorf("ipRangeContains: %s is not a start-end range of one IP family", Render(s))
		}
		return ipRange{first: first, last: last}, nil
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return ipRange{}, errorf("ipRangeContains: %s is not an IP address: %v", Render(s), err)
	}
	return ipRange{first: addr, last: addr}, nil
}

func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	n := new(big.Int).SetBytes(b)
	hostBits := len(b)*8 - p.Bits()
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(hostBits)), big.NewInt(1))
	n.Or(n, mask)
	out := n.FillBytes(make([]byte, len(b)))
	addr, _ := netip.AddrFromSlice(out)
	return addr
}
