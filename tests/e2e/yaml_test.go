package e2e

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aiready/aiready/tests/internal/engine"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// yamlCorpDir is the YAML corp program: the components from the component provider,
// composed as the Go corp stack composes them.
func yamlCorpDir() string { return filepath.Join(env.Root, "examples", "yaml-corp") }

func newYAMLStack(t *testing.T, edit func([]byte) ([]byte, error)) *engine.Stack {
	t.Helper()
	st, err := env.NewYAMLStack(context.Background(), engine.YAMLStackOptions{Name: "corp", ProgramDir: yamlCorpDir(), EditMain: edit})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// cloudTypes are the counts of the Azure and Entra ID resource types of a preview.
func cloudTypes(c engine.Counts) map[string]int {
	out := map[string]int{}
	for typ, n := range c.ByType {
		if strings.HasPrefix(typ, "azure-native:") || strings.HasPrefix(typ, "azuread:") {
			out[typ] = n
		}
	}
	return out
}

func typeDiff(yaml, golang map[string]int) string {
	var b strings.Builder
	for _, typ := range slices.Sorted(maps.Keys(golang)) {
		if yaml[typ] != golang[typ] {
			fmt.Fprintf(&b, "  %-60s YAML %3d  Go %3d\n", typ, yaml[typ], golang[typ])
		}
	}
	for _, typ := range slices.Sorted(maps.Keys(yaml)) {
		if _, ok := golang[typ]; !ok {
			fmt.Fprintf(&b, "  %-60s YAML %3d  Go   0\n", typ, yaml[typ])
		}
	}
	return b.String()
}

// TestYAMLCorp runs examples/yaml-corp through the real CLI with the YAML language
// host, the component provider and the stand-ins: the preview with the policy pack
// registers the same Azure and Entra ID resource types, as many of each, as the Go
// corp stack, and the pack reports the same results (none mandatory); then up, a
// preview with no changes, and destroy.
func TestYAMLCorp(t *testing.T) {
	ctx := context.Background()
	pol := policyOptions(t)

	goCorp, err := newStack(t, "corp", stackProgram()).Preview(ctx, pol)
	if err != nil {
		logResult(t, goCorp)
		t.Fatalf("the Go corp stack's preview: %v", err)
	}

	st := newYAMLStack(t, nil)
	pre, err := st.Preview(ctx, pol)
	logResult(t, pre)
	if err != nil {
		t.Fatalf("preview of the YAML corp program with the policy pack: %v\n%s", err, pre.Stdout)
	}
	yc, gc := pre.Counts(), goCorp.Counts()
	t.Logf("YAML corp: %s\nGo corp:   %s", yc, gc)
	if got, want := cloudTypes(yc), cloudTypes(gc); !maps.Equal(got, want) {
		t.Errorf("the YAML corp preview's Azure and Entra ID resources differ from the Go corp stack's:\n%s", typeDiff(got, want))
	}
	if yc.Components != gc.Components {
		t.Errorf("components: YAML %d, Go %d", yc.Components, gc.Components)
	}
	if man := pre.Mandatory(); len(man) > 0 {
		t.Errorf("mandatory violations: %v", man)
	}
	if got, want := describeAll(pre.Advisory()), describeAll(goCorp.Advisory()); !slices.Equal(got, want) {
		t.Errorf("advisory results differ from the Go corp stack's:\nYAML: %q\n  Go: %q", got, want)
	}

	up, err := st.Up(ctx, engine.UpOptions{PolicyPacks: pol.PolicyPacks, PolicyConfigs: pol.PolicyConfigs})
	logResult(t, up)
	if err != nil {
		t.Fatalf("up: %v", err)
	}
	if up.Outputs["gatewayUrl"] == nil || up.Outputs["managementGroupIds"] == nil {
		t.Errorf("up: the program's outputs lack the gateway URL or the management groups: %v", up.Outputs)
	}
	again, err := st.Preview(ctx, engine.PreviewOptions{ExpectNoChanges: true, PolicyPacks: pol.PolicyPacks, PolicyConfigs: pol.PolicyConfigs})
	if err != nil || len(again.Changes()) > 0 {
		logResult(t, again)
		t.Fatalf("preview after up: %v; changes: %v", err, again.Changes())
	}
	destroyAll(ctx, t, st)
}

// destroyAll destroys the stack; production data refuses to be deleted until
// unprotected, as with Azure, so the protected resources are unprotected first
// when destroy names them.
func destroyAll(ctx context.Context, t *testing.T, st *engine.Stack) {
	t.Helper()
	down, err := st.Destroy(ctx, nil)
	if err != nil {
		for _, d := range down.Errors() {
			if d.URN != "" && !strings.Contains(d.Message, "cannot be deleted") {
				t.Errorf("destroy failed on %s for another reason than protection: %s", resource.URN(d.URN).Name(), d.Message)
			}
		}
		if err := st.UnprotectAll(ctx); err != nil {
			t.Fatal(err)
		}
		if down, err = st.Destroy(ctx, nil); err != nil {
			logResult(t, down)
			t.Fatalf("destroy after unprotect: %v", err)
		}
	}
	if urns, err := st.Resources(ctx); err != nil || len(urns) != 0 {
		t.Errorf("after destroy the state holds %v (%v)", urns, err)
	}
}

// TestYAMLBadInputs breaks examples/yaml-corp one input at a time: the preview
// fails with the message that names the input, from the schema (a missing required
// input) or from the component (its validation), and creates nothing.
func TestYAMLBadInputs(t *testing.T) {
	cases := []struct {
		what, from, to string
		// component is the component that must register no child ("" for a program
		// that must register nothing).
		component string
		want      []string
	}{
		{
			what: "a missing required input",
			from: "      parentId: ${parentManagementGroup}\n", to: "",
			want: []string{"parentId", "Missing required property"},
		},
		{
			what:      "a region that does not exist",
			from:      "    name: contoso-ai-eastus\n    properties:\n      resourceGroupName: ${aiEastus.name}\n      location: eastus\n",
			to:        "    name: contoso-ai-eastus\n    properties:\n      resourceGroupName: ${aiEastus.name}\n      location: eastus9\n",
			component: "contoso-ai-eastus",
			want:      []string{`RegionalAIEndpoint "contoso-ai-eastus"`, `location: region "eastus9"`, `did you mean`},
		},
		{
			what: "a missing credential the component requires",
			from: "      jumpbox:\n        sshPublicKey: ${jumpboxSshPublicKey}\n", to: "",
			component: "contoso-net",
			want:      []string{"jumpbox", "sshPublicKey", "adminPassword"},
		},
		{
			what: "overlapping address spaces",
			from: "addressSpace: 10.21.0.0/22", to: "addressSpace: 10.20.0.0/22",
			component: "contoso-net",
			want:      []string{"regions[1].addressSpace", "overlaps regions[0].addressSpace"},
		},
	}
	for _, c := range cases {
		t.Run(c.what, func(t *testing.T) {
			st := newYAMLStack(t, func(b []byte) ([]byte, error) {
				if !bytes.Contains(b, []byte(c.from)) {
					return nil, fmt.Errorf("Main.yaml no longer has %q", c.from)
				}
				return bytes.Replace(b, []byte(c.from), []byte(c.to), 1), nil
			})
			r, err := st.Preview(context.Background(), engine.PreviewOptions{})
			if err == nil {
				t.Fatalf("the preview succeeded")
			}
			text := err.Error() + "\n" + r.Stdout
			for _, d := range r.Errors() {
				text += "\n" + d.Message
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("the failure does not say %q:\n%s", w, text)
				}
			}
			for urn := range r.Steps {
				name := resource.URN(urn).Name()
				if c.component == "" && r.Counts().Azure > 0 || c.component != "" && strings.HasPrefix(name, c.component+"-") {
					t.Errorf("%s was registered: the component must fail before registering anything", name)
				}
			}
		})
	}
}
