package e2e

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

// previousRelease is the commit whose stacks' states testdata/upgrade holds (see
// testdata/upgrade/README.md).
const previousRelease = "a38bde87e5ef714b98fff3c65d7c89c2cb366928"

// readPreviousRelease reads a stack's exported state of the previous release.
func readPreviousRelease(t *testing.T, stack string) apitype.UntypedDeployment {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "upgrade", stack+".json.gz"))
	if err != nil {
		t.Fatalf("the state of the previous release (%s): %v", previousRelease, err)
	}
	defer f.Close() //nolint:errcheck // read-only: a close error loses nothing
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var dep apitype.UntypedDeployment
	if err := json.Unmarshal(b, &dep); err != nil {
		t.Fatalf("testdata/upgrade/%s.json.gz: %v", stack, err)
	}
	return dep
}

// TestUpgradeFromPreviousRelease: each stack's state as the previous release left
// it (an up of commit previousRelease, exported) is imported, the resources it
// describes exist in Azure, and the current program is previewed then deployed on
// it: no protected (data-bearing) resource is replaced or deleted, every one keeps
// its id, and the stack converges (no orphan, no change at the next preview).
// Changes of a component's layout or names must come with aliases for this to hold.
func TestUpgradeFromPreviousRelease(t *testing.T) {
	for _, name := range stackNames {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			f := newFaults(t, name)
			if err := f.st.Import(ctx, readPreviousRelease(t, name)); err != nil {
				t.Fatal(err)
			}
			n, err := f.st.SeedCloud(ctx)
			if err != nil {
				t.Fatal(err)
			}
			old, err := f.st.Export(ctx)
			if err != nil {
				t.Fatal(err)
			}
			f.protectedKept(t, old) // records the protected resources and their ids
			t.Logf("%s: the previous release's state holds %d resources (%d in Azure), %d protected", name, len(old.Resources), n, len(f.protected))

			o := f.pol
			pr, err := f.st.Preview(ctx, o)
			f.results = append(f.results, pr)
			if err != nil {
				logResult(t, pr)
				t.Fatalf("preview of the upgrade: %v", err)
			}
			var replaced []string
			for _, s := range pr.Changes() {
				if s.Op == "replace" {
					replaced = append(replaced, s.URN+" ("+strings.Join(s.Replaces, ",")+")")
				}
			}
			t.Logf("the upgrade plans %v; replacements of unprotected resources: %v", pr.Summary, replaced)
			f.protectedKept(t, old)
			if t.Failed() {
				t.FailNow()
			}
			f.upConverges(t, stackProgram())
		})
	}
}
