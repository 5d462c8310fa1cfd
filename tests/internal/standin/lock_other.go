//go:build !unix

package standin

import "errors"

// LockFile does not lock where flock is unavailable: fault counts are then exact
// with one provider process at a time only, and concurrent CLI builds each write a
// temporary file of which the last rename wins, which is still safe.
func LockFile(string) (func(), error) { return func() {}, nil }

// killEngine is not supported without Unix signals.
func killEngine() error {
	return errors.New("the kill-engine fault needs a Unix system")
}
