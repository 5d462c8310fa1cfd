package rules

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The package's tests run every stack rule through views that panic when the
// rule reads a type its Types do not list.
func init() { strictViews = true }

// stackFixture reads the resources a stack registers, as recorded for the
// Azure Policy evaluator (../azpolicy/testdata/stacks), fresh for each call.
func stackFixture(t *testing.T, stack string) []*Resource {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "azpolicy", "testdata", "stacks", stack+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var records []struct {
		Type   string         `json:"type"`
		Name   string         `json:"name"`
		Inputs map[string]any `json:"inputs"`
	}
	if err := json.Unmarshal(data, &records); err != nil {
		t.Fatalf("%s: %v", stack, err)
	}
	out := make([]*Resource, len(records))
	for i, rec := range records {
		props := resource.NewPropertyMapFromMap(rec.Inputs)
		out[i] = NewResource(rec.Type, urn(rec.Type, rec.Name), rec.Name, props)
		out[i].Inputs = props
	}
	return out
}

// aloneMatchesFull runs a stack rule twice over fresh copies of a stack's
// resources: given every resource, unrestricted, and given only the resources
// of its Types, as the analyzer does when every other stack rule is disabled.
// It returns an error naming the difference.
func aloneMatchesFull(ctx *Context, rule *Rule, load func() []*Resource) error {
	full := messages(ctx, rule.CheckStack(ctx, NewStack(load())))
	var own []*Resource
	for _, r := range load() {
		if rule.Applies(r) {
			own = append(own, r)
		}
	}
	alone := messages(ctx, rule.RunStack(ctx, NewStack(own)))
	if !reflect.DeepEqual(full, alone) {
		return fmt.Errorf("stack rule %s alone (types %s) says\n %q\nwith every resource\n %q", rule.Name, strings.Join(rule.Types, ", "), alone, full)
	}
	return nil
}

// readsUndeclared is a throwaway stack rule that declares accounts and reads
// deployments.
var readsUndeclared = &Rule{
	Name:  "reads-undeclared",
	Types: []string{TypeAccount},
	CheckStack: func(_ *Context, s *Stack) []Finding {
		if n := len(s.OfType(TypeDeployment)); n > 0 {
			return []Finding{Violation("%d deployments.", n)}
		}
		return nil
	},
}

// Every stack rule answers the same alone as with every resource of the dev,
// corp and online stacks, at the stacks' own archetype and in production.
func TestStackRulesAloneMatchFullRun(t *testing.T) {
	n := 0
	for _, stack := range []string{"dev", "corp", "online"} {
		for _, env := range []string{"dev", "prod"} {
			ctx := ctxWith(stack, env)
			for _, rule := range All() {
				if !rule.IsStack() {
					continue
				}
				n++
				if err := aloneMatchesFull(ctx, rule, func() []*Resource { return stackFixture(t, stack) }); err != nil {
					t.Errorf("%s stack, %s: %v", stack, env, err)
				}
			}
		}
	}
	if n < 6*10 {
		t.Fatalf("only %d stack rule runs", n)
	}
}

// A rule that reads a type it does not declare is caught both ways: its view
// panics under the tests' strictViews, and alone it answers otherwise than with
// every resource.
func TestStackRuleReadingUndeclaredTypeFails(t *testing.T) {
	ctx := ctxWith("corp", "prod")
	load := func() []*Resource { return stackFixture(t, "corp") }
	func() {
		defer func() {
			p := recover()
			want := "rules: stack rule reads-undeclared reads resources of type " + TypeDeployment +
				", which its Types do not list (" + TypeAccount + "); add the type to Types"
			if p != want {
				t.Fatalf("RunStack with an undeclared read: recovered %v, want %q", p, want)
			}
		}()
		readsUndeclared.RunStack(ctx, NewStack(load()))
	}()
	strictViews = false
	defer func() { strictViews = true }()
	err := aloneMatchesFull(ctx, readsUndeclared, load)
	if err == nil || !strings.Contains(err.Error(), "stack rule reads-undeclared alone (types "+TypeAccount+") says\n []") {
		t.Fatalf("aloneMatchesFull over a rule reading an undeclared type: %v", err)
	}
	if got := readsUndeclared.RunStack(ctx, NewStack(load())); got != nil {
		t.Fatalf("outside the tests, a view answers nothing for an undeclared type; got %v", got)
	}
}

// A view answers only for its rule's types, by type, by URN and by name.
func TestStackViewAnswersDeclaredTypes(t *testing.T) {
	acct := res(TypeAccount, "acct", resourceProps(map[string]any{"accountName": "aoai-x"}))
	dep := res(TypeDeployment, "dep", resourceProps(map[string]any{"accountName": "aoai-x"}))
	s := NewStack([]*Resource{acct, dep})
	v := s.view(&Rule{Name: "accounts", Types: []string{TypeAccount}})
	if len(v.Resources) != 1 || v.Resources[0] != acct || len(v.OfType(TypeAccount)) != 1 {
		t.Fatalf("view resources %v, accounts %v", v.Resources, v.OfType(TypeAccount))
	}
	if v.ByURN(acct.URN) != acct || v.ByURN(dep.URN) != nil {
		t.Fatal("a view's ByURN answers for an undeclared type")
	}
	if r, _ := v.ResolveValue(dep.Get("accountName"), TypeAccount); r != acct {
		t.Fatalf("view ResolveValue = %v, want the account", r)
	}
	if s.ByURN(dep.URN) != dep || len(s.Resources) != 2 {
		t.Fatal("the view changed its stack")
	}
}
