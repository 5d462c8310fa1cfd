package azpolicy

import (
	"encoding/json"
	"testing"
)

func TestJSONErrorLocates(t *testing.T) {
	cases := []struct{ data, want string }{
		{"[\n  {\"type\": 1,}\n]", "invalid JSON at line 2, column 14: invalid character '}' looking for beginning of object key string"},
		{"[\n  {\"type\": \"x\"", "invalid JSON at line 2, column 14: unexpected end of JSON input"},
	}
	for _, c := range cases {
		var v any
		err := json.Unmarshal([]byte(c.data), &v)
		if err == nil {
			t.Fatalf("%q decoded", c.data)
		}
		if got := JSONError([]byte(c.data), err).Error(); got != c.want {
			t.Errorf("JSONError(%q) = %q, want %q", c.data, got, c.want)
		}
	}
}
