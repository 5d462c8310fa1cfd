package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"
)

// startup starts the pack binary as the engine does (its engine address as the
// argument, its port read from stdout) runs times and times, from process start,
// the port line and the first GetAnalyzerInfo answer. Without a binary argument it
// builds the pack (engine.BuildPolicyPack, cached).
func startup(args []string) error {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	runs := fs.Int("runs", 10, "starts")
	label := fs.String("label", "aiready", "the name printed for this pack")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	var bin string
	switch fs.NArg() {
	case 0:
		b, _, err := engine.BuildPolicyPack(ctx, os.Stderr)
		if err != nil {
			return err
		}
		bin = b
	case 1:
		bin = fs.Arg(0)
	default:
		return errors.New("usage: perf startup [-runs R] [-label name] [packbinary]")
	}
	var port, info []time.Duration
	for i := 0; i < *runs; i++ {
		p, a, err := startOnce(ctx, bin)
		if err != nil {
			return err
		}
		port, info = append(port, p), append(info, a)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"pack":           *label,
		"runs":           *runs,
		"port_ms_median": ms(median(port)),
		"info_ms_median": ms(median(info)),
		"info_ms_max":    ms(slicesMax(info)),
		"info_ms_all":    msAll(info),
	})
}

func startOnce(ctx context.Context, bin string) (port, info time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "127.0.0.1:1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, fmt.Errorf("starting %s: %w", bin, err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, fmt.Errorf("starting %s: %w", bin, err)
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		return 0, 0, fmt.Errorf("%s wrote no port: %w", bin, err)
	}
	port = time.Since(start)
	n, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		return 0, 0, fmt.Errorf("%s wrote %q, not a port", bin, line)
	}
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", n),
		grpc.WithTransportCredentials(insecure.NewCredentials()), rpcutil.GrpcChannelOptions())
	if err != nil {
		return 0, 0, fmt.Errorf("dialing %s: %w", bin, err)
	}
	defer conn.Close() //nolint:errcheck // closing a client connection at the end: nothing left to report to
	if _, err := pulumirpc.NewAnalyzerClient(conn).GetAnalyzerInfo(ctx, &emptypb.Empty{}); err != nil {
		return 0, 0, fmt.Errorf("GetAnalyzerInfo of %s: %w", bin, err)
	}
	return port, time.Since(start), nil
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func slicesMax(d []time.Duration) time.Duration {
	var m time.Duration
	for _, x := range d {
		m = max(m, x)
	}
	return m
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func msAll(d []time.Duration) []float64 {
	out := make([]float64, len(d))
	for i, x := range d {
		out[i] = ms(x)
	}
	return out
}
