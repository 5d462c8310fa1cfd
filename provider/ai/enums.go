package ai

import (
	"fmt"

	"github.com/aiready/aiready/azure/cognitiveservices"
	"github.com/aiready/aiready/catalog"
	"github.com/aiready/aiready/components/aiendpoint"
	"github.com/aiready/aiready/provider/internal/mirror"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Archetype is a built-in landing-zone archetype: the one a user-named archetype
// of an endpoint or a gateway behaves as (archetypeBase).
type Archetype string

// Values are the aiendpoint.Archetype* constants.
func (Archetype) Values() []infer.EnumValue[Archetype] {
	return mirror.EnumValues[Archetype]("aiendpoint", "Archetype",
		aiendpoint.ArchetypeCorp, aiendpoint.ArchetypeOnline, aiendpoint.ArchetypeDev, aiendpoint.ArchetypeSandbox)
}

// Kind is the kind of an AI services account.
type Kind string

// Values are cognitiveservices.KindOpenAI and KindAIServices.
func (Kind) Values() []infer.EnumValue[Kind] {
	return mirror.EnumValues[Kind]("cognitiveservices", "Kind",
		cognitiveservices.KindOpenAI, cognitiveservices.KindAIServices)
}

// DeploymentType is a model deployment's type (its sku.name), from the catalog.
type DeploymentType string

// Values are the catalog's deployment types, each described by its scope, billing
// and capacity unit.
func (DeploymentType) Values() []infer.EnumValue[DeploymentType] {
	cat := catalog.Default()
	var out []infer.EnumValue[DeploymentType]
	for _, name := range cat.DeploymentTypeNames() {
		dt := cat.DeploymentTypes[name]
		out = append(out, infer.EnumValue[DeploymentType]{
			Name:        name,
			Value:       DeploymentType(name),
			Description: fmt.Sprintf("%s processing, %s billing; capacity counts %s.", dt.Scope, dt.Billing, dt.Unit),
		})
	}
	return out
}

// VersionUpgradeOption is when a deployment's model version changes.
type VersionUpgradeOption string

// Values are the cognitiveservices.Upgrade* options.
func (VersionUpgradeOption) Values() []infer.EnumValue[VersionUpgradeOption] {
	return mirror.EnumValues[VersionUpgradeOption]("cognitiveservices", "Upgrade",
		cognitiveservices.UpgradeOnceCurrentVersionExpired,
		cognitiveservices.UpgradeOnceNewDefaultVersionAvailable,
		cognitiveservices.UpgradeNoAutoUpgrade)
}
