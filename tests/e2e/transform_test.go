package e2e

import (
	"context"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// transform returns a resource transform that applies edit to the inputs of every
// resource whose type token matches token (a versionless token also matches its
// explicit-version forms) and for which match returns true (nil: all).
func transform(token string, match func(*pulumi.ResourceTransformArgs) bool, edit func(pulumi.Map)) pulumi.ResourceTransform {
	return func(_ context.Context, args *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
		if !sameType(args.Type, token) || (match != nil && !match(args)) {
			return nil
		}
		props := copyMap(args.Props)
		edit(props)
		return &pulumi.ResourceTransformResult{Props: props, Opts: args.Opts}
	}
}

// sameType compares type tokens, ignoring an explicit API version module:
// azure-native:apimanagement/v20240501:Backend matches azure-native:apimanagement:Backend.
func sameType(have, want string) bool {
	if have == want {
		return true
	}
	strip := func(t string) string {
		parts := strings.Split(t, ":")
		if len(parts) == 3 {
			if i := strings.IndexByte(parts[1], '/'); i >= 0 {
				parts[1] = parts[1][:i]
			}
		}
		return strings.Join(parts, ":")
	}
	return strip(have) == strip(want)
}

// copyMap copies nested maps so edits do not reach the program's own values.
func copyMap(m pulumi.Map) pulumi.Map {
	out := pulumi.Map{}
	for k, v := range m {
		if inner, ok := v.(pulumi.Map); ok {
			v = copyMap(inner)
		}
		out[k] = v
	}
	return out
}

// setPath sets a dotted path, creating maps on the way.
func setPath(m pulumi.Map, path string, v pulumi.Input) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		m[head] = v
		return
	}
	inner, ok := m[head].(pulumi.Map)
	if !ok {
		inner = pulumi.Map{}
	}
	inner = copyMap(inner)
	setPath(inner, rest, v)
	m[head] = inner
}

// deletePath removes a dotted path.
func deletePath(m pulumi.Map, path string) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		delete(m, head)
		return
	}
	if inner, ok := m[head].(pulumi.Map); ok {
		inner = copyMap(inner)
		deletePath(inner, rest)
		m[head] = inner
	}
}

// renamePath moves the value at a dotted path to a new last segment.
func renamePath(m pulumi.Map, path, newName string) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		if v, ok := m[head]; ok {
			delete(m, head)
			m[newName] = v
		}
		return
	}
	if inner, ok := m[head].(pulumi.Map); ok {
		inner = copyMap(inner)
		renamePath(inner, rest, newName)
		m[head] = inner
	}
}
