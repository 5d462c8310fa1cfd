//go:build unix

package standin

import (
	"fmt"
	"os"
	"syscall"
)

// LockFile takes an exclusive lock on path (created if missing), waiting for the
// other processes that hold it (the provider processes of a stack counting faults;
// the test processes building the CLI); the returned function releases it.
func LockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return func() {
		// Closing the file releases the lock.
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}, nil
}

// killEngine kills the process that started the stand-in: the Pulumi engine.
func killEngine() error {
	return syscall.Kill(os.Getppid(), syscall.SIGKILL)
}
