package aiendpoint

import (
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/internal/conventions"
)

// Landing-zone archetypes that change what the components build.
const (
	// ArchetypeCorp is internal: no public network access, an internal gateway.
	ArchetypeCorp = string(conventions.Corp)
	// ArchetypeOnline is internet-facing: network ACLs deny by default, an external gateway.
	ArchetypeOnline = string(conventions.Online)
	// ArchetypeDev is AI development: treated as corp for network access.
	ArchetypeDev = string(conventions.Dev)
	// ArchetypeSandbox is experimentation: treated as corp for network access.
	ArchetypeSandbox = string(conventions.Sandbox)
)

// checkArchetype checks an archetype and the base a user-named one behaves as.
func checkArchetype(name, base string) error {
	_, err := conventions.Resolve("Archetype", "ArchetypeBase", name, base)
	return err
}

// behavesAs is the built-in archetype of a checked archetype.
func behavesAs(name, base string) string {
	if base != "" {
		return base
	}
	return name
}

var (
	subdomainRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)
	// resourceNameRE is the rule of account, deployment, content filter and backend
	// names (resourceNameChars in words).
	resourceNameRE = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]*$`)
	serviceNameRE  = regexp.MustCompile(`^[a-zA-Z]([a-zA-Z0-9-]*[a-zA-Z0-9])?$`)
	fqdnRE         = regexp.MustCompile(`^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`)
)

const resourceNameChars = "letters, digits, '.', '_' and '-', starting with a letter or digit"

// checkSubdomain applies the rules of an account's custom subdomain: it becomes
// the DNS label <name>.openai.azure.com, unique across Azure.
func checkSubdomain(field, s string) error {
	switch {
	case s == "":
		return fmt.Errorf("%s is required: the globally unique DNS label of the endpoint (https://<name>.openai.azure.com/), 2-64 lower-case letters, digits and hyphens", field)
	case len(s) < 2 || len(s) > 64:
		return fmt.Errorf("%s: %q has %d characters; a custom subdomain has 2-64", field, s, len(s))
	case !subdomainRE.MatchString(s):
		return fmt.Errorf("%s: %q is not a DNS label; use lower-case letters, digits and hyphens, starting and ending with a letter or digit", field, s)
	case strings.Contains(s, "--"):
		return fmt.Errorf("%s: %q has consecutive hyphens, which Azure refuses in a custom subdomain", field, s)
	}
	return nil
}

func checkName(field, s, what string, re *regexp.Regexp, minLen, maxLen int, allowed string) error {
	switch {
	case len(s) < minLen || len(s) > maxLen:
		return fmt.Errorf("%s: %q has %d characters; %s has %d-%d", field, s, len(s), what, minLen, maxLen)
	case !re.MatchString(s):
		return fmt.Errorf("%s: %q is not a valid %s; use %s", field, s, what, allowed)
	}
	return nil
}

// checkEmail accepts a bare address (no display name).
func checkEmail(field, s string) error {
	if s == "" {
		return fmt.Errorf("%s is required: the address API Management sends system notifications to", field)
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || !strings.Contains(addr.Address[strings.LastIndexByte(addr.Address, '@'):], ".") {
		return fmt.Errorf("%s: %q is not an email address; give a bare address such as ai-platform@contoso.com", field, s)
	}
	return nil
}

func checkFQDN(field, s string) error {
	if strings.Contains(s, "://") || strings.ContainsAny(s, "/:") {
		return fmt.Errorf("%s: %q is not a host name; give the FQDN only (e.g. contoso.blob.core.windows.net), without scheme, port or path", field, s)
	}
	if !fqdnRE.MatchString(strings.ToLower(s)) || len(s) > 253 {
		return fmt.Errorf("%s: %q is not a fully qualified domain name (e.g. contoso.blob.core.windows.net)", field, s)
	}
	return nil
}

// isoDuration formats a whole number of seconds as an ISO 8601 duration ("PT1M30S").
func isoDuration(d time.Duration) string {
	s := int64(d / time.Second)
	h, m := s/3600, (s%3600)/60
	s %= 60
	var b strings.Builder
	b.WriteString("PT")
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if s > 0 || (h == 0 && m == 0) {
		fmt.Fprintf(&b, "%dS", s)
	}
	return b.String()
}

func checkDuration(field string, d, maxD time.Duration) error {
	if d < time.Second || d%time.Second != 0 || d > maxD {
		return fmt.Errorf("%s: %v must be a whole number of seconds between 1s and %v", field, d, maxD)
	}
	return nil
}

// catalogOr returns c, or the embedded catalog when c is nil.
func catalogOr(c *catalog.Catalog) *catalog.Catalog {
	if c != nil {
		return c
	}
	return catalog.Default()
}

// joinErrors joins problems, or returns nil when there are none.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}
