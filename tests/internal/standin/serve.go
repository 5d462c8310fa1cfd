package standin

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Serve runs pkg's stand-in as a provider plugin under the engine: it states on
// stderr that it is a test double, then serves until the engine stops it, or until
// the engine is gone (killed: nothing stops its plugins then).
func Serve(pkg Package) error {
	fmt.Fprintf(os.Stderr, "pulumi-resource-%s %s (stand-in) %s\n", pkg.Name, pkg.Version, Notice)
	go exitWithParent(os.Getppid(), time.Second)
	return provider.Main(pkg.Name, func(host *provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return New(pkg, func(sev diag.Severity, urn resource.URN, msg string) {
			if host != nil {
				// Logging is best effort: a lost message must not fail an operation.
				_ = host.Log(context.Background(), sev, urn, msg)
			}
		}), nil
	})
}

// exitWithParent exits when the process that started this one has gone (its
// children are then given to another parent).
func exitWithParent(parent int, every time.Duration) {
	for range time.Tick(every) {
		if os.Getppid() != parent {
			fmt.Fprintln(os.Stderr, "stand-in: the engine is gone; exiting")
			os.Exit(0)
		}
	}
}
