package main

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/policypack/manifest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"
)

// TestServesAsThePluginTheEngineStarts starts the pack the way the engine starts a
// plugin: it reads the port from the first line of output, dials it, and asks for the
// pack's info before any other call.
func TestServesAsThePluginTheEngineStarts(t *testing.T) {
	m, err := manifest.Parse(policyYAML)
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "aiready-guardrails" {
		t.Fatalf("PulumiPolicy.yaml name = %q; the end-to-end tests and the README use aiready-guardrails", m.Name)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, w) }()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	conn, err := grpc.NewClient("127.0.0.1:"+strings.TrimSpace(line), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close() //nolint:errcheck // closing a client connection at the end: nothing left to report to
	info, err := pulumirpc.NewAnalyzerClient(conn).GetAnalyzerInfo(ctx, &emptypb.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if info.GetName() != m.Name || info.GetVersion() != m.Version || !strings.Contains(info.GetReadme(), "# aiready-guardrails") {
		t.Fatalf("the binary reports %q %q; PulumiPolicy.yaml says %q %q", info.GetName(), info.GetVersion(), m.Name, m.Version)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
}

// TestPulumiPolicyYAMLLoadsInTheCLI reads PulumiPolicy.yaml with the loader the CLI uses.
func TestPulumiPolicyYAMLLoadsInTheCLI(t *testing.T) {
	proj, err := workspace.LoadPolicyPack("PulumiPolicy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := manifest.Parse(policyYAML)
	if err != nil {
		t.Fatal(err)
	}
	if proj.Runtime.Name() != "go" || proj.Version != m.Version || proj.Description == nil || *proj.Description != m.Description {
		t.Fatalf("the CLI reads runtime %q version %q description %v; the pack reports version %q description %q",
			proj.Runtime.Name(), proj.Version, proj.Description, m.Version, m.Description)
	}
}
