package mirror

import (
	"regexp"
	"strings"
	"unicode"
)

// goPath matches a Go field path as the library writes it: Name, Name[0],
// Name["key"], joined by dots.
var goPath = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*(?:\[[^\]]*\])*(?:\.[A-Z][A-Za-z0-9]*(?:\[[^\]]*\])*)*`)

var segment = regexp.MustCompile(`^([A-Z][A-Za-z0-9]*)((?:\[[^\]]*\])*)$`)

// Rename rewrites the Go field paths in a library message into schema names:
// "Regions[0].Location" becomes "regions[0].location". A path is rewritten only
// when every segment is the Go name of a registered provider field; a single plain
// word without an index ("Location", "Bastion") only at the start of a line or after ": ", where the
// library names the field, so that prose keeps its words; never a product name after
// "Azure " ("Azure DDoS Protection").
func Rename(msg string) string { return renameIn(msg, nil) }

// renameIn is Rename that also rewrites, anywhere, a single word that is the Go
// name of one of local's fields (the siblings of the field a doc comment
// documents), except an acronym ("ID").
func renameIn(msg string, local map[string]bool) string {
	lines := strings.Split(msg, "\n")
	for i, line := range lines {
		lines[i] = renameLine(line, local)
	}
	return strings.Join(lines, "\n")
}

func renameLine(line string, local map[string]bool) string {
	matches := goPath.FindAllStringIndex(line, -1)
	var b strings.Builder
	last := 0
	for _, m := range matches {
		b.WriteString(line[last:m[0]])
		tok := line[m[0]:m[1]]
		product := strings.HasSuffix(line[:m[0]], "Azure ") && !strings.Contains(tok, ".")
		sibling := local[tok] && hasLower(tok)
		if r, ok := renamePath(tok, sibling || leads(line, m[0])); ok && !product {
			b.WriteString(r)
		} else {
			b.WriteString(tok)
		}
		last = m[1]
	}
	b.WriteString(line[last:])
	return b.String()
}

// leads reports whether position i starts the line or follows ": ".
func leads(line string, i int) bool {
	before := strings.TrimRight(line[:i], " ")
	return before == "" || strings.HasSuffix(before, ":")
}

func renamePath(tok string, leading bool) (string, bool) {
	parts := strings.Split(tok, ".")
	if len(parts) == 1 && !leading && !compound(tok) && !strings.Contains(tok, "[") {
		return "", false
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		m := segment.FindStringSubmatch(p)
		if m == nil {
			return "", false
		}
		name, ok := schemaNameOf(m[1])
		if !ok {
			return "", false
		}
		out[i] = name + m[2]
	}
	return strings.Join(out, "."), true
}

func hasLower(word string) bool { return strings.IndexFunc(word, unicode.IsLower) >= 0 }

// compound reports whether a word is an identifier of several words
// (ResourceGroupName, DDoS), never ordinary prose.
func compound(word string) bool {
	upperAfterFirst, lower := false, false
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			upperAfterFirst = true
		}
		if unicode.IsLower(r) {
			lower = true
		}
	}
	return upperAfterFirst && lower
}

// InputError is a library validation error with the field paths it names rewritten
// into schema names. errors.Is and errors.As still reach the library's error.
type InputError struct {
	err error
	msg string
}

// NewInputError wraps a library error (nil stays nil).
func NewInputError(err error) error {
	if err == nil {
		return nil
	}
	return &InputError{err: err, msg: Rename(err.Error())}
}

// Error is the library's message with schema names.
func (e *InputError) Error() string { return e.msg }

// Unwrap returns the library's error.
func (e *InputError) Unwrap() error { return e.err }
