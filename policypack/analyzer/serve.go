package analyzer

import (
	"context"
	"fmt"
	"io"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// Serve starts the analyzer on a loopback port the kernel chooses, writes the port to
// out (the engine reads it from the plugin's stdout) and serves until the engine stops
// the process. The engine's address, passed as the first argument, is not needed: the
// pack calls nothing back.
func Serve(opts Options, out io.Writer) error {
	return ServeContext(context.Background(), opts, out)
}

// ServeContext is Serve that also stops, gracefully, when ctx is done.
func ServeContext(ctx context.Context, opts Options, out io.Writer) error {
	srv, err := New(opts)
	if err != nil {
		return err
	}
	cancel := make(chan bool)
	go func() {
		<-ctx.Done()
		close(cancel)
	}()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(g *grpc.Server) error {
			pulumirpc.RegisterAnalyzerServer(g, srv)
			return nil
		},
	})
	if err != nil {
		return fmt.Errorf("analyzer: serving: %w", err)
	}
	if _, err := fmt.Fprintf(out, "%d\n", handle.Port); err != nil {
		return fmt.Errorf("analyzer: writing the port: %w", err)
	}
	if err := <-handle.Done; err != nil {
		return fmt.Errorf("analyzer: %w", err)
	}
	return nil
}
