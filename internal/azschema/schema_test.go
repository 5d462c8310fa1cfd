package azschema

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestResourceDefinition(t *testing.T) {
	s := ForTest(t)
	r, err := s.Resource("azure-native:apimanagement/v20240501:Backend")
	if err != nil {
		t.Fatal(err)
	}
	if r.APIVersion != "2024-05-01" {
		t.Errorf("APIVersion = %q", r.APIVersion)
	}
	if p := r.Inputs.Props["circuitBreaker"]; p.Ref != "apimanagement.v20240501.BackendCircuitBreakerArgs" || p.Required {
		t.Errorf("circuitBreaker = %+v", p)
	}
	if !r.Inputs.Props["url"].Required || !r.Inputs.Props["serviceName"].Required {
		t.Error("url and serviceName should be required")
	}
	if _, ok := r.Outputs.Props["circuitBreaker"]; !ok {
		t.Error("circuitBreaker output missing")
	}
	rule, err := s.Input("apimanagement.v20240501.CircuitBreakerRuleArgs")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rule.Props["acceptRetryAfter"]; !ok {
		t.Errorf("CircuitBreakerRuleArgs props: %v", rule.PropNames())
	}
}

func TestUnknownTokens(t *testing.T) {
	s := ForTest(t)
	for token, want := range map[string]string{
		"azure-native:nosuchmodule:Thing":         `module "nosuchmodule"`,
		"azure-native:management:Nope":            `no resource "Nope"`,
		"azure-native:management:managementGroup": "case-sensitive",
		"aws:s3:Bucket":                           "not an azure-native resource token",
	} {
		_, err := s.Resource(token)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to mention %q", token, err, want)
		}
	}
}

// Test doubles shaped like the layer's Args: a plain struct and an Args struct.
type parentInfo struct {
	Id *string `pulumi:"id"` //nolint:revive // the generated SDKs' field name, which the test mirrors
}
type parentInfoArgs struct{ Id pulumi.StringPtrInput } //nolint:revive // the generated SDKs' field name, which the test mirrors

func (parentInfoArgs) ElementType() reflect.Type { return reflect.TypeOf((*parentInfo)(nil)).Elem() }

type details struct {
	Parent *parentInfo `pulumi:"parent"`
}
type detailsArgs struct{ Parent *parentInfoArgs }

func (detailsArgs) ElementType() reflect.Type { return reflect.TypeOf((*details)(nil)).Elem() }

type groupPlain struct {
	Details     *details `pulumi:"details"`
	DisplayName *string  `pulumi:"displayName"`
}
type groupArgs struct {
	Details     *detailsArgs
	DisplayName pulumi.StringPtrInput
}

func (groupArgs) ElementType() reflect.Type { return reflect.TypeOf((*groupPlain)(nil)).Elem() }

type misspeltPlain struct {
	Details     *misspeltDetails `pulumi:"details"`
	DisplayName *string          `pulumi:"dispalyName"`
}
type misspeltDetails struct {
	Parent *string `pulumi:"parnet"`
}
type misspeltArgs struct{ DisplayName pulumi.StringPtrInput }

func (misspeltArgs) ElementType() reflect.Type { return reflect.TypeOf((*misspeltPlain)(nil)).Elem() }

type unmappedArgs struct {
	DisplayName pulumi.StringPtrInput
	Extra       pulumi.StringPtrInput
}

func (unmappedArgs) ElementType() reflect.Type { return reflect.TypeOf((*groupPlain)(nil)).Elem() }

type subscriptionPlain struct {
	SubscriptionId *string `pulumi:"subscriptionId"` //nolint:revive // the generated SDKs' field name, which the test mirrors
}
type subscriptionArgs struct{ SubscriptionId pulumi.StringPtrInput } //nolint:revive // the generated SDKs' field name, which the test mirrors

func (subscriptionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*subscriptionPlain)(nil)).Elem()
}

func TestCheckArgs(t *testing.T) {
	s := ForTest(t)
	if errs := s.CheckArgs("azure-native:management:ManagementGroup", groupArgs{}); len(errs) != 0 {
		t.Fatalf("a correct struct failed: %v", errs)
	}
	errs := s.CheckArgs("azure-native:management:ManagementGroup", misspeltArgs{})
	got := joinErrs(errs)
	for _, want := range []string{`has no property "dispalyName"`, `has no property "parnet"`} {
		if !strings.Contains(got, want) {
			t.Errorf("misspelt struct: errors %q should contain %q", got, want)
		}
	}
	got = joinErrs(s.CheckArgs("azure-native:management:ManagementGroup", unmappedArgs{}))
	if !strings.Contains(got, "unmappedArgs.Extra has no field of the same name") {
		t.Errorf("unmapped field not reported: %q", got)
	}
	got = joinErrs(s.CheckArgs("azure-native:management:ManagementGroupSubscription", subscriptionArgs{}))
	if !strings.Contains(got, `required property "groupId"`) {
		t.Errorf("missing required field not reported: %q", got)
	}
}

type groupResource struct {
	pulumi.CustomResourceState
	DisplayName pulumi.StringPtrOutput `pulumi:"displayName"`
	Bogus       pulumi.StringOutput    `pulumi:"bogus"`
}

func TestCheckOutputs(t *testing.T) {
	s := ForTest(t)
	errs := s.CheckOutputs("azure-native:management:ManagementGroup", &groupResource{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `has no output "bogus"`) {
		t.Errorf("want exactly the bogus output reported, got %v", errs)
	}
}

func TestValidateInputs(t *testing.T) {
	s := ForTest(t)
	ok := resource.PropertyMap{
		"resourceGroupName": resource.NewProperty("rg"),
		"serviceName":       resource.NewProperty("apim"),
		"url":               resource.NewProperty("https://x"),
		"protocol":          resource.NewProperty("http"),
		"circuitBreaker": resource.NewProperty(resource.PropertyMap{
			"rules": resource.NewProperty([]resource.PropertyValue{resource.NewProperty(resource.PropertyMap{
				"name":             resource.NewProperty("r"),
				"acceptRetryAfter": resource.NewProperty(true),
			})}),
		}),
		"description": resource.MakeComputed(resource.NewProperty("")),
	}
	if err := s.ValidateInputs("azure-native:apimanagement/v20240501:Backend", ok); err != nil {
		t.Fatalf("valid inputs rejected: %v", err)
	}
	bad := ok.Copy()
	delete(bad, "url")
	bad["circuitBreaker"] = resource.NewProperty(resource.PropertyMap{
		"rules": resource.NewProperty([]resource.PropertyValue{resource.NewProperty(resource.PropertyMap{
			"acceptRetryAftr": resource.NewProperty(true),
		})}),
	})
	err := s.ValidateInputs("azure-native:apimanagement/v20240501:Backend", bad)
	if err == nil {
		t.Fatal("invalid inputs accepted")
	}
	for _, want := range []string{`missing required property "url"`, `unknown property "circuitBreaker.rules[0].acceptRetryAftr"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q should contain %q", err, want)
		}
	}
}

func joinErrs(errs []error) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error())
		b.WriteString("\n")
	}
	return b.String()
}

func TestMultiLineProperties(t *testing.T) {
	s := ForTest(t)
	r, err := s.Resource("azure-native:resources:ResourceGroup")
	if err != nil {
		t.Fatal(err)
	}
	tags, ok := r.Inputs.Props["tags"]
	if !ok || tags.Required || !strings.Contains(tags.Type, "[key: string]") {
		t.Fatalf("tags = %+v (ok=%v); inputs: %v", tags, ok, r.Inputs.PropNames())
	}
	if _, ok := r.Inputs.Props["key"]; ok {
		t.Error("the inner line of a multi-line type was taken for a property")
	}
	if _, ok := r.Outputs.Props["tags"]; !ok {
		t.Errorf("tags output missing: %v", r.Outputs.PropNames())
	}
	acct, err := s.Input("cognitiveservices.IdentityArgs")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := acct.Props["userAssignedIdentities"]; !ok {
		t.Errorf("IdentityArgs props: %v", acct.PropNames())
	}
	if err := s.ValidateInputs("azure-native:resources:ResourceGroup", resource.PropertyMap{
		"tags": resource.NewProperty(resource.PropertyMap{"owner": resource.NewProperty("ai")}),
	}); err != nil {
		t.Errorf("tags rejected: %v", err)
	}
}
