//go:build !unix

package engine

// lockFile does not lock where flock is unavailable: concurrent builds then each
// write a temporary file and the last rename wins, which is still safe.
func lockFile(string) (func(), error) { return func() {}, nil }
