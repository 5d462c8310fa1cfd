package aiendpoint

import (
	"fmt"
	"strings"
)

// CognitiveServicesAudience is the token audience the gateway's managed identity
// authenticates to the accounts with.
const CognitiveServicesAudience = "https://cognitiveservices.azure.com"

// openAIOperation is one operation of the OpenAI surface the gateway serves.
type openAIOperation struct {
	id, displayName, urlTemplate string
}

// openAIOperations are the data-plane operations of the Azure OpenAI API the
// gateway exposes, under /openai.
var openAIOperations = []openAIOperation{
	{"chat-completions", "Chat completions", "/deployments/{deployment-id}/chat/completions"},
	{"completions", "Completions", "/deployments/{deployment-id}/completions"},
	{"embeddings", "Embeddings", "/deployments/{deployment-id}/embeddings"},
}

// retryCondition retries on 429 and on 5xx, except the 503 the pool returns when
// every member is tripped ("Backend pool ... is temporarily unavailable").
const retryCondition = `@(context.Response.StatusCode == 429 || (context.Response.StatusCode >= 500 && !(context.Response.StatusReason ?? string.Empty).Contains("Backend pool")))`

// apiPolicyXML is the API's policy (format rawxml: expressions are written as C#,
// not XML-escaped). Inbound, it drops any key a caller sent for the accounts,
// routes to the pool and authenticates with the gateway's managed identity. In the
// backend section it retries on 429 and 5xx: each retry goes back through the pool,
// whose circuit breakers have tripped the failing member, so the request fails
// over. A 503 the pool itself returns (every member tripped) is not retried.
func apiPolicyXML(poolBackendID string, retryCount int) string {
	var b strings.Builder
	b.WriteString("<policies>\n")
	b.WriteString("  <inbound>\n")
	b.WriteString("    <base />\n")
	b.WriteString("    <set-header name=\"api-key\" exists-action=\"delete\" />\n")
	fmt.Fprintf(&b, "    <set-backend-service backend-id=\"%s\" />\n", poolBackendID)
	fmt.Fprintf(&b, "    <authentication-managed-identity resource=\"%s\" />\n", CognitiveServicesAudience)
	b.WriteString("  </inbound>\n")
	b.WriteString("  <backend>\n")
	fmt.Fprintf(&b, "    <retry condition=\"%s\" count=\"%d\" interval=\"1\" first-fast-retry=\"true\">\n", retryCondition, retryCount)
	b.WriteString("      <forward-request buffer-request-body=\"true\" />\n")
	b.WriteString("    </retry>\n")
	b.WriteString("  </backend>\n")
	b.WriteString("  <outbound>\n")
	b.WriteString("    <base />\n")
	b.WriteString("  </outbound>\n")
	b.WriteString("  <on-error>\n")
	b.WriteString("    <base />\n")
	b.WriteString("  </on-error>\n")
	b.WriteString("</policies>\n")
	return b.String()
}
