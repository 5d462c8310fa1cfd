package azpolicy

import "strings"

// compileValue compiles a JSON value of a definition: a string that is a template
// expression is parsed, "[[..." is the literal "[...", and arrays and objects are
// compiled element by element.
func compileValue(raw any) (node, error) {
	switch x := raw.(type) {
	case string:
		if isExpression(x) {
			e, err := parseExpression(x)
			if err != nil {
				return nil, err
			}
			return e, nil
		}
		return litNode{unescape(x)}, nil
	case []any:
		out := &arrayNode{items: make([]node, len(x))}
		for i, e := range x {
			n, err := compileValue(e)
			if err != nil {
				return nil, err
			}
			out.items[i] = n
		}
		return collapse(out), nil
	case map[string]any:
		out := &objectNode{items: make(map[string]node, len(x))}
		for k, e := range x {
			n, err := compileValue(e)
			if err != nil {
				return nil, err
			}
			out.items[k] = n
		}
		return collapse(out), nil
	}
	return litNode{normalize(raw)}, nil
}

// collapse turns an array or object whose members are all literals into a literal.
func collapse(n node) node {
	switch x := n.(type) {
	case *arrayNode:
		for _, it := range x.items {
			if _, ok := it.(litNode); !ok {
				return n
			}
		}
		return litNode{literalArray(x.items)}
	case *objectNode:
		for _, it := range x.items {
			if _, ok := it.(litNode); !ok {
				return n
			}
		}
		return litNode{literalObject(x.items)}
	}
	return n
}

func literalArray(items []node) []any {
	out := make([]any, len(items))
	for i, n := range items {
		out[i] = n.(litNode).v
	}
	return out
}

func literalObject(items map[string]node) map[string]any {
	out := make(map[string]any, len(items))
	for k, n := range items {
		out[k] = n.(litNode).v
	}
	return out
}

// arrayNode is a JSON array holding expressions.
type arrayNode struct{ items []node }

func (n *arrayNode) eval(s *state) (any, error) {
	out := make([]any, len(n.items))
	for i, it := range n.items {
		v, err := it.eval(s)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// objectNode is a JSON object holding expressions.
type objectNode struct{ items map[string]node }

func (n *objectNode) eval(s *state) (any, error) {
	out := make(map[string]any, len(n.items))
	for k, it := range n.items {
		v, err := it.eval(s)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// binder folds a definition's parameters into its expressions.
type binder struct {
	st      *state
	aliases *AliasTable
}

// fold returns n with every part that depends only on parameters and literals
// evaluated; a constant part that fails becomes an errNode (Azure reports such
// errors when it evaluates the rule). field('x') and current('x') with a literal
// argument are parsed once here.
func (b *binder) fold(n node) node {
	switch x := n.(type) {
	case *expr:
		root := b.fold(x.root)
		if lit, ok := root.(litNode); ok {
			return lit
		}
		return &expr{src: x.src, root: root}
	case *callNode:
		return b.foldCall(x)
	case *propNode:
		inner := b.fold(x.x)
		out := &propNode{x: inner, name: x.name}
		if _, ok := inner.(litNode); ok {
			return b.constant(out)
		}
		return out
	case *indexNode:
		inner, idx := b.fold(x.x), b.fold(x.i)
		out := &indexNode{x: inner, i: idx}
		_, l1 := inner.(litNode)
		_, l2 := idx.(litNode)
		if l1 && l2 {
			return b.constant(out)
		}
		return out
	case *arrayNode:
		out := &arrayNode{items: make([]node, len(x.items))}
		for i, it := range x.items {
			out.items[i] = b.fold(it)
		}
		return collapse(out)
	case *objectNode:
		out := &objectNode{items: make(map[string]node, len(x.items))}
		for k, it := range x.items {
			out.items[k] = b.fold(it)
		}
		return collapse(out)
	}
	return n
}

func (b *binder) foldCall(x *callNode) node {
	args := make([]node, len(x.args))
	allLit := true
	for i, a := range x.args {
		args[i] = b.fold(a)
		_, ok := args[i].(litNode)
		allLit = allLit && ok
	}
	out := &callNode{fn: x.fn, args: args}
	if allLit && len(args) == 1 {
		if name, ok := args[0].(litNode).v.(string); ok {
			switch x.fn.name {
			case "field":
				f, err := parseField(name, b.aliases)
				if err != nil {
					return errNode{err}
				}
				return &fieldFnNode{ref: f}
			case "current":
				var ref *aliasRef
				if r, err := newAliasRef(name, b.aliases); err == nil {
					ref = r
				}
				return &currentNode{name: name, lower: strings.ToLower(name), ref: ref}
			}
		}
	}
	if x.fn.name == "if" && len(args) == 3 {
		if lit, ok := args[0].(litNode); ok {
			if c, isBool := lit.v.(bool); isBool {
				if c {
					return args[1]
				}
				return args[2]
			}
		}
	}
	if x.fn.pure && allLit {
		return b.constant(out)
	}
	return out
}

// constant evaluates a node whose inputs are all constants.
func (b *binder) constant(n node) node {
	v, err := n.eval(b.st)
	if err != nil {
		return errNode{err}
	}
	return litNode{v}
}
