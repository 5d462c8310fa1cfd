package rules

import "fmt"

// Finding is one thing a rule reports.
type Finding struct {
	// URN is the resource the finding is about; a resource rule may leave it empty for
	// the resource it judged. Empty in a stack rule's finding means the stack.
	URN string
	// Message says what is wrong and how to fix it, in a full sentence.
	Message string
	// Unknown, when set, is the property path whose value is unknown: the rule could not
	// decide. Message then says what could not be verified.
	Unknown string
	// Advisory reports the finding as advisory whatever the policy's level: what the
	// rule reports without asking to stop the deployment (e.g. an Azure Policy Audit).
	Advisory bool
}

// Violation returns a finding with a formatted message.
func Violation(format string, args ...any) Finding {
	return Finding{Message: fmt.Sprintf(format, args...)}
}

// Unverifiable returns a finding for a value unknown at preview: what is the check the
// rule could not make, path the property whose value is not known yet.
func Unverifiable(path, what string) Finding {
	return Finding{Unknown: path, Message: what}
}

// At returns the finding about the resource with the given URN.
func (f Finding) At(urn string) Finding {
	f.URN = urn
	return f
}

// Render returns the message shown to the user. A finding about an unknown value says
// so: at preview it is advisory and checked again at update; at update the value is
// still unknown, which the rule cannot accept.
func (f Finding) Render(preview bool) string {
	if f.Unknown == "" {
		return f.Message
	}
	if preview {
		return fmt.Sprintf("Cannot verify at preview that %s: %s is not known yet; checked again at update.", f.Message, f.Unknown)
	}
	return fmt.Sprintf("Cannot verify that %s: %s is still unknown at update.", f.Message, f.Unknown)
}
