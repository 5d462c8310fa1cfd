package perf

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aiready/aiready/policypack/analyzer"
	"github.com/aiready/aiready/policypack/rules"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Served is an analyzer served on a loopback port in this process, and a client of it.
type Served struct {
	// Client calls the analyzer over gRPC.
	Client pulumirpc.AnalyzerClient
	// Port is the loopback port the analyzer listens on.
	Port int
	conn *grpc.ClientConn
	stop func()
}

// Close closes the client and stops the server (the policyx server cannot be stopped:
// it serves until the process exits).
func (s *Served) Close() error {
	err := s.conn.Close()
	if s.stop != nil {
		s.stop()
	}
	if err != nil {
		return fmt.Errorf("closing the analyzer client: %w", err)
	}
	return nil
}

// ServeOurs serves the pack's analyzer as its binary does (analyzer.ServeContext, the
// SDK's rpcutil server on a loopback port) until Close.
func ServeOurs(opts analyzer.Options) (*Served, error) {
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := analyzer.ServeContext(ctx, opts, w)
		_ = w.CloseWithError(err)
		done <- err
	}()
	port, err := readPort(r)
	if err != nil {
		cancel()
		return nil, err
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	s, err := dial(port)
	if err != nil {
		cancel()
		return nil, err
	}
	s.stop = func() {
		cancel()
		<-done //nolint:errcheck // the server's error after cancelling it says only that it stopped
	}
	return s, nil
}

// policyxMu serialises ServePolicyx's borrowing of os.Stdout.
var policyxMu sync.Mutex

// ServePolicyx serves a policyx pack with policyx.Main, as a policyx pack's binary does,
// in this process: Main writes its port to os.Stdout, which is borrowed for the
// moment. The server runs until the process exits. The engine's order of calls is the
// caller's to follow: Handshake, then ConfigureStack (policyx builds the pack there;
// before it, GetPluginInfo and Analyze fail), then Configure.
func ServePolicyx(factory func(*pulumi.Context) (policyx.PolicyPack, error)) (*Served, error) {
	policyxMu.Lock()
	defer policyxMu.Unlock()
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("policyx: %w", err)
	}
	stdout := os.Stdout
	os.Stdout = w
	go func() { _ = policyx.Main(factory) }()
	port, err := readPort(r)
	os.Stdout = stdout
	_ = w.Close()
	_ = r.Close()
	if err != nil {
		return nil, fmt.Errorf("policyx: %w", err)
	}
	return dial(port)
}

// readPort reads the port line an analyzer writes when it listens.
func readPort(r io.Reader) (int, error) {
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := bufio.NewReader(r).ReadString('\n')
		ch <- result{line, err}
	}()
	select {
	case res := <-ch:
		if res.err != nil {
			return 0, fmt.Errorf("reading the analyzer's port: %w", res.err)
		}
		port, err := strconv.Atoi(strings.TrimSpace(res.line))
		if err != nil {
			return 0, fmt.Errorf("the analyzer wrote %q, not a port: %w", res.line, err)
		}
		return port, nil
	case <-time.After(30 * time.Second):
		return 0, errors.New("the analyzer wrote no port within 30s")
	}
}

func dial(port int) (*Served, error) {
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", port),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		rpcutil.GrpcChannelOptions())
	if err != nil {
		return nil, fmt.Errorf("dialing the analyzer on port %d: %w", port, err)
	}
	return &Served{Client: pulumirpc.NewAnalyzerClient(conn), Port: port, conn: conn}, nil
}

// Configure makes the engine's first calls on an analyzer: Handshake, ConfigureStack
// (a preview of the benchmark stack), then Configure with the policy config.
func Configure(ctx context.Context, c pulumirpc.AnalyzerClient, list []*rules.Rule, pc map[string]map[string]any) error {
	root := "."
	if _, err := c.Handshake(ctx, &pulumirpc.AnalyzerHandshakeRequest{EngineAddress: "127.0.0.1:1", RootDirectory: &root}); err != nil {
		return fmt.Errorf("Handshake: %w", err)
	}
	if _, err := c.ConfigureStack(ctx, StackConfigureRequest()); err != nil {
		return fmt.Errorf("ConfigureStack: %w", err)
	}
	req, err := ConfigureRequest(list, pc)
	if err != nil {
		return err
	}
	if _, err := c.Configure(ctx, req); err != nil {
		return fmt.Errorf("Configure: %w", err)
	}
	return nil
}

// noopAnalyzer answers Analyze and AnalyzeStack with no diagnostics, without looking
// at the request: what serving costs before any rule runs (the gRPC floor).
type noopAnalyzer struct {
	pulumirpc.UnimplementedAnalyzerServer
}

func (noopAnalyzer) Analyze(context.Context, *pulumirpc.AnalyzeRequest) (*pulumirpc.AnalyzeResponse, error) {
	return &pulumirpc.AnalyzeResponse{}, nil
}

func (noopAnalyzer) AnalyzeStack(context.Context, *pulumirpc.AnalyzeStackRequest) (*pulumirpc.AnalyzeResponse, error) {
	return &pulumirpc.AnalyzeResponse{}, nil
}

// ServeNoop serves an analyzer that reports nothing, with the same rpcutil server as
// the pack, until Close: the transport floor beside the packs.
func ServeNoop() (*Served, error) {
	cancel := make(chan bool)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(g *grpc.Server) error {
			pulumirpc.RegisterAnalyzerServer(g, noopAnalyzer{})
			return nil
		},
	})
	if err != nil {
		return nil, fmt.Errorf("serving the no-op analyzer: %w", err)
	}
	s, err := dial(handle.Port)
	if err != nil {
		close(cancel)
		return nil, err
	}
	s.stop = func() {
		close(cancel)
		<-handle.Done //nolint:errcheck // the server's error after cancelling it says only that it stopped
	}
	return s, nil
}
