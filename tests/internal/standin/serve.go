package standin

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Serve runs pkg's stand-in as a provider plugin under the engine: it states on
// stderr that it is a test double, then serves until the engine stops it.
func Serve(pkg Package) error {
	fmt.Fprintf(os.Stderr, "pulumi-resource-%s %s (stand-in) %s\n", pkg.Name, pkg.Version, Notice)
	return provider.Main(pkg.Name, func(host *provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return New(pkg, func(sev diag.Severity, msg string) {
			if host != nil {
				// Logging is best effort: a lost message must not fail an operation.
				_ = host.Log(context.Background(), sev, "", msg)
			}
		}), nil
	})
}
