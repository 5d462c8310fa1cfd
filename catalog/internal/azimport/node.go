package azimport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// node is a decoded JSON value and its path in the file ($, $[0].model.name, ...).
type node struct {
	path string
	v    any
}

// problem is an error about one value of one file.
type problem struct {
	file, path, msg string
}

func (p *problem) Error() string { return p.file + ": " + p.path + ": " + p.msg }

// parseJSON decodes a file's bytes; a syntax error names the byte offset.
func parseJSON(file string, data []byte) (node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return node{}, &problem{file, "$", fmt.Sprintf("not JSON (at byte %d: %v)", se.Offset, err)}
		}
		return node{}, &problem{file, "$", fmt.Sprintf("not JSON: %v", err)}
	}
	if dec.More() {
		return node{}, &problem{file, "$", "more than one JSON value"}
	}
	return node{"$", v}, nil
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

func (n node) field(k string) node {
	m, _ := n.v.(map[string]any)
	return node{n.path + "." + k, m[k]}
}

func (n node) missing() bool { return n.v == nil }

func (n node) object(file string) (map[string]any, error) {
	m, ok := n.v.(map[string]any)
	if !ok {
		return nil, &problem{file, n.path, "want an object, got " + kind(n.v)}
	}
	return m, nil
}

func (n node) items(file string) ([]node, error) {
	a, ok := n.v.([]any)
	if !ok {
		return nil, &problem{file, n.path, "want an array, got " + kind(n.v)}
	}
	out := make([]node, len(a))
	for i, v := range a {
		out[i] = node{fmt.Sprintf("%s[%d]", n.path, i), v}
	}
	return out, nil
}

// str returns a string; a missing value is "" unless required.
func (n node) str(file string, required bool) (string, error) {
	if n.missing() && !required {
		return "", nil
	}
	s, ok := n.v.(string)
	if !ok {
		return "", &problem{file, n.path, "want a string, got " + kind(n.v)}
	}
	if s == "" && required {
		return "", &problem{file, n.path, "is empty"}
	}
	return s, nil
}

// count returns a whole number from 0 up.
func (n node) count(file string) (int, error) {
	num, ok := n.v.(json.Number)
	if !ok {
		return 0, &problem{file, n.path, "want a number, got " + kind(n.v)}
	}
	f, err := num.Float64()
	if err != nil || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, &problem{file, n.path, fmt.Sprintf("%s is not a whole number from 0", num)}
	}
	return int(f), nil
}

// list returns the items of a listing: the az output (an array) or the REST
// body ({"value": [...]}, with no further page).
func (n node) list(file string) ([]node, error) {
	if _, ok := n.v.([]any); ok {
		return n.items(file)
	}
	if _, err := n.object(file); err != nil {
		return nil, &problem{file, n.path, "want the az output (an array) or the REST body (an object with value), got " + kind(n.v)}
	}
	if next := n.field("nextLink"); !next.missing() && next.v != "" {
		return nil, &problem{file, next.path, "the listing has more pages; save the whole listing (az reads every page)"}
	}
	return n.field("value").items(file)
}
