package rules

// AIServicesPrivateEndpoint requires a private endpoint for every AI services account.
var AIServicesPrivateEndpoint = register(&Rule{
	Name:           "ai-services-private-endpoint",
	Description:    "Every Azure AI services and Azure OpenAI account has a private endpoint in the stack.",
	Section:        SectionGovernance,
	Recommendation: "Apply AI-specific policies to each management group.",
	BuiltIns: []BuiltIn{
		{ID: "d6759c02-b87f-42b7-892e-71b3f471d782", DisplayName: "Azure AI Services resources should use Azure Private Link", ALZSets: []string{"Enforce-Guardrails-OpenAI"}},
	},
	Severity: High,
	Level:    Mandatory,
	Types:    []string{TypeAccount, TypePrivateEndpoint},
	CheckStack: func(_ *Context, s *Stack) []Finding {
		accounts := s.OfType(TypeAccount)
		if len(accounts) == 0 {
			return nil
		}
		linked := map[*Resource]bool{}
		maybe := false
		for _, pe := range s.OfType(TypePrivateEndpoint) {
			for _, key := range [...]string{"privateLinkServiceConnections", "manualPrivateLinkServiceConnections"} {
				for _, dep := range pe.PropertyDependencies[key] {
					if r := s.ByURN(dep); r != nil {
						linked[r] = true
					}
				}
				// Declared: the program usually sets one of the two lists; the
				// other, unset, is unknown in the outputs at preview.
				conns := pe.Declared(key)
				if conns.IsUnknown() {
					if len(pe.PropertyDependencies[key]) == 0 {
						maybe = true
					}
					continue
				}
				for i := 0; i < conns.Len(); i++ {
					target, unknown := s.ResolveValue(conns.Index(i).Field("privateLinkServiceId"), TypeAccount)
					if target != nil {
						linked[target] = true
					}
					if unknown && len(pe.PropertyDependencies[key]) == 0 {
						maybe = true
					}
				}
			}
		}
		var out []Finding
		for _, acct := range accounts {
			switch {
			case linked[acct]:
			case maybe:
				out = append(out, Unverifiable("privateLinkServiceConnections[].privateLinkServiceId", "account "+quote(acct.Label())+" has a private endpoint").At(acct.URN))
			default:
				out = append(out, Violation("account %q has no private endpoint; add a network:PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is the account's id, with groupIds [\"account\"].",
					acct.Label()).At(acct.URN))
			}
		}
		return out
	},
})
