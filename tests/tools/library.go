//go:build tools

package tools

// The modules the library (the root module) may import, pinned here too so that a
// new import in a component or a stack does not leave the tests module's go.sum
// without the module's checksums. Keep in step with the root go.mod.
import (
	_ "github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/compute/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/network/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/operationalinsights/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	_ "github.com/pulumi/pulumi-azure-native-sdk/v2"
	_ "github.com/pulumi/pulumi-azuread/sdk/v5/go/azuread"
	_ "github.com/stretchr/testify/assert"
)
