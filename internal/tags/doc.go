// Package tags holds the Azure tag conventions every component stamps on the
// resources it creates, so that the policy pack (and people reading the portal) can
// tell which archetype and environment a resource belongs to without any other
// context: aiready-archetype (corp, online, dev, sandbox or a user-named archetype),
// aiready-environment (production or nonproduction) and aiready-component (the
// component that created it).
package tags
