// Package aiendpoint builds the guide's "Establish AI reliability across regions"
// for model endpoints: RegionalAIEndpoint, one region's Azure OpenAI / AI Services
// endpoint, and Gateway, an API Management gateway that load-balances several
// regional endpoints with circuit breakers.
//
// # RegionalAIEndpoint (aiready:ai:RegionalAIEndpoint)
//
// An account (kind OpenAI or AIServices, cognitiveservices/v20241001) with a
// custom subdomain, key access disabled (disableLocalAuth), a system-assigned
// managed identity, outbound calls restricted to an allow-list, and public network
// access Disabled (corp, dev, sandbox) or network ACLs that deny by default with no
// IP rule (online); a private endpoint (group "account") with a DNS zone group for
// the openai, cognitiveservices and services.ai zones; custom content filters; the
// model deployments, created one after the other because Azure refuses concurrent
// deployment operations on an account; and a diagnostic setting that sends all
// logs and metrics to Log Analytics. Every deployment is checked against the
// catalog before anything is registered: the model and version exist, the region
// offers the model with the deployment type, the capacity is positive and, summed
// per model and deployment type, within the default quota. In production the
// account is protected and retained on delete.
//
// # Gateway (aiready:ai:AIGateway)
//
// API Management (apimanagement/v20240501) injected into a virtual network,
// Internal for corp, dev and sandbox, External for online, on a SKU that supports
// injection (Developer outside production, Premium in production), with a
// system-assigned identity and insecure protocols off. For each member endpoint a
// backend (type Single, url "<endpoint>openai", protocol http) with a circuit
// breaker that trips on 429 and on 500-599 and honours Retry-After; a pool backend
// (type Pool) over them with a priority and a weight per member, declared in an
// ARM template that a resources:Deployment deploys (apimanagement.NewPoolBackend:
// the Backend resource cannot create a pool); an API for the
// OpenAI surface (path "openai": chat completions, completions and embeddings)
// whose policy sends requests to the pool, authenticates to the accounts with the
// gateway's managed identity and retries on 429 and 5xx so that the pool fails
// over; and the role "Cognitive Services OpenAI User" for the gateway on each
// account.
//
// Global and data-zone deployment types already route requests across regions:
// a gateway over endpoints that have only such deployments adds nothing for
// regional redundancy, and NewAIGateway refuses it unless AllowGlobalOnly is set.
//
// In Internal mode nothing registers the gateway's host name, so the component
// creates the private DNS zone "<ServiceName>.azure-api.net" with the gateway's
// private address at its apex, linked to the networks of PrivateDNS (default: the
// gateway's own); see GatewayPrivateDNS. The gateway reaches the members of other
// regions through the networks' peering (SecureNetwork peers its regions in a mesh).
//
// In External mode the gateway gets a Standard static public IP with a DNS label
// (or uses PublicIPAddressID); in Internal mode Azure manages the address API
// Management needs for its management traffic unless PublicIPAddressID names one.
//
// Both components take the ids they need (subnets, private DNS zones, the Log
// Analytics workspace) as inputs, so each can be used alone; SecureNetwork's
// outputs fit them. Args.Validate checks everything that decides what is built and
// returns every problem at once; the constructors call it before registering
// anything. ValidateEndpoints checks the endpoints of one subscription together:
// Azure counts quota per subscription and region, so endpoints in one region share it.
package aiendpoint
