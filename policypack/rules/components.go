package rules

// within returns what a property dependency stands for: the URN itself and every
// resource parented under it. A program in another language (YAML, TypeScript,
// Python) passes one component's output to another component, and the engine then
// records the component as the dependency, not the resource inside it that the
// value came from.
func (s *Stack) within(urn string) []string {
	out := []string{urn}
	for _, r := range s.Resources {
		for p, hops := r.Parent, 0; p != "" && hops < len(s.Resources); hops++ {
			if p == urn {
				out = append(out, r.URN)
				break
			}
			parent := s.ByURN(p)
			if parent == nil {
				break
			}
			p = parent.Parent
		}
	}
	return out
}
