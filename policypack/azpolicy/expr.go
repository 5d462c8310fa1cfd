package azpolicy

import (
	"strconv"
	"strings"
)

// node is one node of a parsed template expression.
type node interface {
	eval(s *state) (any, error)
}

// litNode is a literal (or a folded constant).
type litNode struct{ v any }

func (n litNode) eval(*state) (any, error) { return n.v, nil }

// errNode is an expression that fails whenever it is evaluated: an unknown function,
// a wrong number of arguments, or a constant part whose evaluation failed. Azure
// reports these when it evaluates the rule, as an implicit deny.
type errNode struct{ err error }

func (n errNode) eval(*state) (any, error) { return nil, n.err }

// callNode is a function call.
type callNode struct {
	fn   *function
	args []node
}

func (n *callNode) eval(s *state) (any, error) {
	if n.fn.lazy != nil {
		return n.fn.lazy(s, n.args)
	}
	var buf [4]any
	args := buf[:0]
	for _, a := range n.args {
		v, err := a.eval(s)
		if err != nil {
			return nil, err
		}
		if !n.fn.unknownAware && IsUnknown(v) {
			return Unknown, nil
		}
		args = append(args, v)
	}
	return n.fn.call(s, args)
}

// propNode is a property access: x.name.
type propNode struct {
	x    node
	name string
}

func (n *propNode) eval(s *state) (any, error) {
	v, err := n.x.eval(s)
	if err != nil {
		return nil, err
	}
	return member(v, n.name)
}

// indexNode is an index or a computed property: x[i].
type indexNode struct {
	x, i node
}

func (n *indexNode) eval(s *state) (any, error) {
	v, err := n.x.eval(s)
	if err != nil {
		return nil, err
	}
	i, err := n.i.eval(s)
	if err != nil {
		return nil, err
	}
	if IsUnknown(i) {
		return Unknown, nil
	}
	if k, ok := i.(string); ok {
		return member(v, k)
	}
	f, ok := toNumber(i)
	if !ok || f != float64(int(f)) {
		return nil, errorf("index %s is neither a property name nor an integer", Render(i))
	}
	switch x := v.(type) {
	case UnknownValue:
		return Unknown, nil
	case []any:
		if f < 0 || int(f) >= len(x) {
			return nil, errorf("index %d is out of range: the array has %d elements", int(f), len(x))
		}
		return x[int(f)], nil
	}
	return nil, errorf("cannot index %s with %d", kindName(v), int(f))
}

// member reads a property of an object, case-insensitively; a missing property is
// an error, as in ARM templates.
func member(v any, name string) (any, error) {
	switch x := v.(type) {
	case UnknownValue:
		return Unknown, nil
	case map[string]any:
		if e, ok := lookupFold(x, name); ok {
			return e, nil
		}
		return nil, errorf("the object has no property '%s'", name)
	}
	return nil, errorf("cannot read property '%s' of %s", name, kindName(v))
}

// expr is a parsed template expression with its source text.
type expr struct {
	src  string
	root node
}

func (e *expr) eval(s *state) (any, error) {
	v, err := e.root.eval(s)
	if err != nil {
		return nil, &ExprError{Expr: e.src, Err: err}
	}
	return v, nil
}

// isExpression reports whether a JSON string is a template expression: it starts
// with '[' and ends with ']' and does not start with the escape "[[".
func isExpression(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && s[1] != '['
}

// unescape returns the literal a non-expression string stands for: "[[x" is "[x".
func unescape(s string) string {
	if len(s) >= 2 && s[0] == '[' && s[1] == '[' {
		return s[1:]
	}
	return s
}

// parseExpression parses "[...]". Syntax errors are returned; unknown functions and
// wrong arities become errNodes so that they surface at evaluation time.
func parseExpression(src string) (*expr, error) {
	p := &parser{src: src, s: src[1 : len(src)-1]}
	n, err := p.expr()
	if err == nil {
		p.space()
		if p.i < len(p.s) {
			err = errorf("unexpected %q at offset %d", p.s[p.i:], p.i+1)
		}
	}
	if err != nil {
		return nil, &ExprError{Expr: src, Err: err}
	}
	return &expr{src: src, root: n}, nil
}

type parser struct {
	src string
	s   string
	i   int
}

func (p *parser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *parser) peek() byte {
	p.space()
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *parser) expr() (node, error) {
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek() {
		case '.':
			p.i++
			p.space()
			name := p.ident()
			if name == "" {
				return nil, errorf("expected a property name after '.' at offset %d", p.i+1)
			}
			n = &propNode{x: n, name: name}
		case '[':
			p.i++
			idx, err := p.expr()
			if err != nil {
				return nil, err
			}
			if p.peek() != ']' {
				return nil, errorf("expected ']' at offset %d", p.i+1)
			}
			p.i++
			n = &indexNode{x: n, i: idx}
		default:
			return n, nil
		}
	}
}

func (p *parser) primary() (node, error) {
	c := p.peek()
	switch {
	case c == '\'':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case isIdentStart(c):
		return p.call()
	case c == 0:
		return nil, errorf("unexpected end of expression")
	}
	return nil, errorf("unexpected %q at offset %d", string(c), p.i+1)
}

func (p *parser) str() (node, error) {
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		if c != '\'' {
			b.WriteByte(c)
			continue
		}
		if p.i < len(p.s) && p.s[p.i] == '\'' { // '' is an escaped quote
			b.WriteByte('\'')
			p.i++
			continue
		}
		return litNode{b.String()}, nil
	}
	return nil, errorf("unterminated string literal")
}

func (p *parser) number() (node, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.') {
		p.i++
	}
	f, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil {
		return nil, errorf("invalid number %q", p.s[start:p.i])
	}
	return litNode{f}, nil
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func (p *parser) ident() string {
	start := p.i
	for p.i < len(p.s) && (isIdentStart(p.s[p.i]) || (p.s[p.i] >= '0' && p.s[p.i] <= '9')) {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *parser) call() (node, error) {
	name := p.ident()
	if p.peek() != '(' {
		switch strings.ToLower(name) {
		case "true":
			return litNode{true}, nil
		case "false":
			return litNode{false}, nil
		case "null":
			return litNode{nil}, nil
		}
		return nil, errorf("expected '(' after %q", name)
	}
	p.i++
	var args []node
	if p.peek() == ')' {
		p.i++
	} else {
		for {
			a, err := p.expr()
			if err != nil {
				return nil, err
			}
			args = append(args, a)
			c := p.peek()
			p.i++
			if c == ')' {
				break
			}
			if c != ',' {
				return nil, errorf("expected ',' or ')' in the arguments of %s at offset %d", name, p.i)
			}
		}
	}
	return newCall(name, args), nil
}

// newCall binds a call to its function, or to an errNode for an unknown function
// or a wrong number of arguments.
func newCall(name string, args []node) node {
	fn := lookupFunction(name)
	if fn == nil {
		return errNode{errorf("unknown function '%s'", name)}
	}
	if len(args) < fn.min || (fn.max >= 0 && len(args) > fn.max) {
		return errNode{errorf("%s takes %s, not %d", fn.name, arity(fn), len(args))}
	}
	return &callNode{fn: fn, args: args}
}

func arity(fn *function) string {
	switch {
	case fn.min == fn.max && fn.min == 1:
		return "1 argument"
	case fn.min == fn.max:
		return strconv.Itoa(fn.min) + " arguments"
	case fn.max < 0:
		return "at least " + strconv.Itoa(fn.min) + " arguments"
	}
	return strconv.Itoa(fn.min) + " to " + strconv.Itoa(fn.max) + " arguments"
}
