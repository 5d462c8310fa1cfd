package provider

import (
	"github.com/aiready/aiready/provider/ai"
	"github.com/aiready/aiready/provider/governance"
	"github.com/aiready/aiready/provider/network"
	"github.com/aiready/aiready/provider/reliability"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Name is the package name: the first segment of every type token, and the plugin
// binary's suffix (pulumi-resource-aiready).
const Name = "aiready"

// Version is the package version the schema and the SDKs carry.
const Version = "0.1.0"

// Repository is where the package's source lives.
const Repository = "https://github.com/aiready/aiready"

// Description is the package's description in the schema and the SDKs.
const Description = "Pulumi components for the Azure environment of Microsoft's Cloud Adoption " +
	"Framework guide \"AI Ready\": management groups and AI policy baselines, secure multi-region " +
	"networks, regional AI endpoints behind an API Management gateway, and replicated AI assets."

// Keywords are the package's keywords in the schema and the SDKs.
var Keywords = []string{"pulumi", "azure", "ai", "landing-zone", "cloud-adoption-framework", "kind/component", "category/cloud"}

// New returns the provider: the components, served by the library's constructors.
func New() (p.Provider, error) {
	return infer.NewProviderBuilder().
		WithDisplayName("AI Ready").
		WithDescription(Description).
		WithKeywords(Keywords...).
		WithRepository(Repository).
		WithHomepage(Repository).
		WithPublisher("ai-ready").
		WithLicense("Apache-2.0").
		WithNamespace("aiready").
		WithLanguageMap(Languages()).
		WithComponents(
			infer.ComponentF(governance.NewManagementGroupHierarchy),
			infer.ComponentF(governance.NewAIPolicyBaseline),
			infer.ComponentF(network.NewSecureNetwork),
			infer.ComponentF(ai.NewRegionalAIEndpoint),
			infer.ComponentF(ai.NewAIGateway),
			infer.ComponentF(reliability.NewAssetReplication),
		).
		Build()
}

// Languages are the schema's language sections: the SDK package names.
func Languages() map[string]any {
	return map[string]any{
		"nodejs": map[string]any{
			"packageName":          "@aiready/aiready",
			"respectSchemaVersion": true,
		},
		"python": map[string]any{
			"packageName":          "aiready",
			"respectSchemaVersion": true,
			"pyproject":            map[string]any{"enabled": true},
		},
		"csharp": map[string]any{
			"rootNamespace":        "AIReady",
			"respectSchemaVersion": true,
		},
		"go": map[string]any{
			"importBasePath":                 "github.com/aiready/aiready/sdk/go/aiready",
			"generateResourceContainerTypes": true,
			"respectSchemaVersion":           true,
		},
	}
}
