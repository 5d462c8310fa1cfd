package azurepolicy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/internal/azschema"
	"github.com/aiready/aiready/policypack/azpolicy"
)

// TestConversionRenamesMatchAzure: every input the evaluator's conversion table
// sends under another ARM name is an input of the azure-native 2.90.0 resource
// (under that name, not the ARM one), and the ARM name is what Azure's own
// built-in definitions read (an alias in the facts the library carries).
func TestConversionRenamesMatchAzure(t *testing.T) {
	s := azschema.ForTest(t)
	facts := policybaseline.DefaultBuiltIns()
	all, allErr := allBuiltIns()
	checked := 0
	for _, token := range azpolicy.NativeTokens() {
		renames, err := azpolicy.NativeRenames("azure-native:" + token)
		if err != nil {
			t.Fatal(err)
		}
		if len(renames) == 0 {
			continue
		}
		armType, err := azpolicy.ARMType("azure-native:" + token)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Resource("azure-native:" + token)
		if err != nil {
			t.Fatal(err)
		}
		for input, prop := range renames {
			checked++
			if _, ok := res.Inputs.Props[input]; !ok {
				t.Errorf("%s: %s is not an input of azure-native 2.90.0", token, input)
			}
			if _, ok := res.Inputs.Props[prop]; ok {
				t.Errorf("%s: %s is an input of azure-native 2.90.0 itself; no rename is needed", token, prop)
			}
			switch alias := armType + "/" + prop; {
			case readByABuiltIn(facts.Definitions, alias):
			case all == nil:
				t.Logf("%s: %s is not read by the built-ins the library carries, and Azure's full facts file is not here (%v)", token, alias, allErr)
			case !readByABuiltIn(all, alias):
				t.Errorf("%s: no built-in definition of Azure's reads %s", token, alias)
			}
		}
	}
	if checked == 0 {
		t.Fatal("the conversion table renames nothing")
	}
}

// allBuiltIns reads every built-in definition's facts from Azure's facts file
// ($AIREADY_AZURE_POLICY_FACTS, or shared/azure/policy-definitions.json beside the
// repository), for the aliases the library's own copy does not cover.
func allBuiltIns() (map[string]*policybaseline.DefinitionFacts, error) {
	path := os.Getenv("AIREADY_AZURE_POLICY_FACTS")
	if path == "" {
		path = filepath.Join("..", "..", "..", "shared", "azure", "policy-definitions.json")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := policybaseline.ParseBuiltIns(b)
	if err != nil {
		return nil, err
	}
	return f.Definitions, nil
}

// readByABuiltIn says whether a built-in definition's rule reads the alias or
// one below it.
func readByABuiltIn(defs map[string]*policybaseline.DefinitionFacts, alias string) bool {
	for _, d := range defs {
		for _, f := range d.Fields {
			if strings.EqualFold(f, alias) || strings.HasPrefix(strings.ToLower(f), strings.ToLower(alias)+".") {
				return true
			}
		}
	}
	return false
}
