package governance

import (
	"reflect"

	"github.com/aiready/aiready/components/policybaseline"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func init() {
	mirror.Pair(reflect.TypeFor[AIPolicyBaselineArgs](), reflect.TypeFor[policybaseline.Args]())
	mirror.Pair(reflect.TypeFor[AIPolicyBaseline](), reflect.TypeFor[policybaseline.AIPolicyBaseline]())
}

// AIPolicyBaselineArgs are the inputs of AIPolicyBaseline (policybaseline.Args).
// The library (Args.Library) is the embedded one: a custom library is a Go
// program's choice.
type AIPolicyBaselineArgs struct {
	ManagementGroupID string         `pulumi:"managementGroupId"`
	Archetype         string         `pulumi:"archetype"`
	ParentArchetype   string         `pulumi:"parentArchetype,optional"`
	Location          string         `pulumi:"location,optional"`
	DefaultValues     *DefaultValues `pulumi:"defaultValues,optional"`
	Override          *Override      `pulumi:"override,optional"`
}

// Annotate documents the inputs.
func (a *AIPolicyBaselineArgs) Annotate(an infer.Annotator) {
	mirror.Describe(an, a, map[string]string{
		"DefaultValues": "DefaultValues are values routed to the assignment parameters that need them (the library's default_values.json).",
	})
}

// DefaultValues are the named values of policybaseline.Args.DefaultValues, one
// field per entry of the library's default_values.json (a test keeps them equal);
// each is documented with the library's description of it.
type DefaultValues struct {
	DDoSPlan               pulumi.StringInput    `pulumi:"ddosPlan,optional"`
	AllowedLocations       []string              `pulumi:"allowedLocations,optional"`
	AllowedModelAssetIDs   []string              `pulumi:"allowedModelAssetIds,optional"`
	AllowedModelPublishers []string              `pulumi:"allowedModelPublishers,optional"`
	PrivateDNSZoneIDs      pulumi.StringMapInput `pulumi:"privateDnsZoneIds,optional"`
}

// Annotate documents each value with the library's description of it.
func (d *DefaultValues) Annotate(an infer.Annotator) {
	lib := policybaseline.DefaultLibrary()
	docs := map[string]string{"": "DefaultValues are values routed to the assignment parameters that need them, by name."}
	t := reflect.TypeFor[DefaultValues]()
	for i := range t.NumField() {
		if name, ok := mirror.SchemaName(t.Field(i)); ok {
			if v, ok := lib.DefaultValues[name]; ok {
				docs[t.Field(i).Name] = v.Description
			}
		}
	}
	mirror.Describe(an, d, docs)
}

// Override mirrors policybaseline.Override.
type Override struct {
	AssignmentsToAdd    []string                  `pulumi:"assignmentsToAdd,optional"`
	AssignmentsToRemove []string                  `pulumi:"assignmentsToRemove,optional"`
	Parameters          map[string]map[string]any `pulumi:"parameters,optional"`
	Effects             map[string]string         `pulumi:"effects,optional"`
	EnforcementModes    map[string]string         `pulumi:"enforcementModes,optional"`
}

// Annotate documents the type.
func (o *Override) Annotate(an infer.Annotator) { mirror.Describe(an, o, nil) }

// AIPolicyBaseline is the component's outputs; the component itself is the
// library's.
type AIPolicyBaseline struct {
	pulumi.ComponentResource

	AssignmentIDs        pulumi.StringMapOutput `pulumi:"assignmentIds"`
	IdentityPrincipalIDs pulumi.StringMapOutput `pulumi:"identityPrincipalIds"`
}

// Annotate sets the token and documents the outputs.
func (b *AIPolicyBaseline) Annotate(an infer.Annotator) {
	an.SetToken("governance", "AIPolicyBaseline")
	mirror.Describe(an, b, nil)
}

// NewAIPolicyBaseline builds the component with policybaseline.New.
func NewAIPolicyBaseline(ctx *pulumi.Context, name string, args AIPolicyBaselineArgs, opts ...pulumi.ResourceOption) (*AIPolicyBaseline, error) {
	return mirror.Construct[AIPolicyBaseline](args, func(la *policybaseline.Args) (*policybaseline.AIPolicyBaseline, error) {
		return policybaseline.New(ctx, name, la, opts...)
	})
}
