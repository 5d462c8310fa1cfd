package azpolicy

import (
	"strings"
	"testing"
	"time"
)

// evalExpr parses, binds (with params) and evaluates one expression.
func evalExpr(t testing.TB, src string, params map[string]any, ctx *Context, res *Resource) (any, error) {
	t.Helper()
	n, err := compileValue(src)
	if err != nil {
		return nil, err
	}
	p := &Policy{Definition: &Definition{ID: "/providers/Microsoft.Authorization/policyDefinitions/d1"}, ReferenceID: "ref1",
		Assignment: &Assignment{ID: "/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a1"}, aliases: defaultAliases}
	b := &binder{st: &state{params: params, pol: p}, aliases: defaultAliases}
	n = b.fold(n)
	if res == nil {
		res = NewResource(map[string]any{"type": "Microsoft.Test/things", "name": "thing1"})
	}
	return n.eval(&state{res: res, fnRes: res, ctx: ctx, pol: p, params: params})
}

type exprCase struct {
	expr string
	want string // Render of the value, or "error: <substring>"
}

func runExprCases(t *testing.T, cases []exprCase, params map[string]any, ctx *Context) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			v, err := evalExpr(t, tc.expr, params, ctx, nil)
			if want, isErr := strings.CutPrefix(tc.want, "error: "); isErr {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("got %s, %v; want an error containing %q", Render(v), err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got := Render(v); got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// Logical and comparison functions
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
// and template-functions-comparison, read 2026-12-02): if() evaluates only the
// branch it returns; greater('A', 'a') is true (the documented example);
// coalesce returns the first non-null value, and an empty string is not null.
// and() and or() evaluate every argument (the documentation promises lazy
// evaluation for if() only), so a guard must be written with if().
func TestLogicalFunctions(t *testing.T) {
	runExprCases(t, []exprCase{
		{"[if(true, 'a', int('x'))]", `"a"`},
		{"[if(false, int('x'), 'b')]", `"b"`},
		{"[if('yes', 1, 2)]", "error: if expects a boolean"},
		{"[and(true, true, true)]", "true"},
		{"[and(true, false)]", "false"},
		{"[or(false, true)]", "true"},
		{"[or(false, false)]", "false"},
		{"[and(false, int('x'))]", "error: int: \"x\" is not an integer"},
		{"[not(true)]", "false"},
		{"[not('x')]", "error: not expects a boolean"},
		{"[equals('a', 'A')]", "false"},
		{"[equals(1, 1)]", "true"},
		{"[equals('1', 1)]", "false"},
		{"[equals(createArray('a', 1), createArray('a', 1))]", "true"},
		{"[equals(json('{\"A\": 1}'), json('{\"a\": 1}'))]", "true"},
		{"[less(1, 2)]", "true"},
		{"[lessOrEquals(2, 2)]", "true"},
		{"[greater('A', 'a')]", "true"},
		{"[greaterOrEquals('a', 'A')]", "false"},
		{"[greater('b', 'A')]", "true"},
		{"[less(1, 'a')]", "error: less expects two integers or two strings"},
		{"[coalesce(json('null'), 'a')]", `"a"`},
		{"[coalesce(json('null'), json('null'))]", "null"},
		{"[coalesce('', 'a')]", `""`},
		{"[true()]", "true"},
		{"[null()]", "null"},
	}, nil, nil)
}

// String functions
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string,
// read 2026-12-02): indexOf, lastIndexOf, startsWith and endsWith ignore case;
// substring outside the string is an error ("Avoiding template failures" in the
// policy rule article); contains on strings is case-sensitive.
func TestStringFunctions(t *testing.T) {
	runExprCases(t, []exprCase{
		{"[concat('a', 'b', 1)]", `"ab1"`},
		{"[split('a-b-c', '-')]", `["a","b","c"]`},
		{"[split('a,b;c', createArray(',', ';'))]", `["a","b","c"]`},
		{"[replace('a-b-c', '-', '_')]", `"a_b_c"`},
		{"[toLower('AbC')]", `"abc"`},
		{"[toUpper('AbC')]", `"ABC"`},
		{"[trim('  x  ')]", `"x"`},
		{"[substring('abcdef', 1, 3)]", `"bcd"`},
		{"[substring('abcdef', 2)]", `"cdef"`},
		{"[substring('ab', 0, 3)]", "error: substring(\"ab\", 0, 3): the index and length must refer to a location within the string"},
		{"[indexOf('abcAbc', 'ABC')]", "0"},
		{"[lastIndexOf('abcAbc', 'abc')]", "3"},
		{"[indexOf('abc', 'z')]", "-1"},
		{"[startsWith('Prefix', 'pre')]", "true"},
		{"[endsWith('Prefix', 'FIX')]", "true"},
		{"[padLeft('7', 3, '0')]", `"007"`},
		{"[padLeft(7, 2)]", `" 7"`},
		{"[format('{0}-{1}', 'a', 1)]", `"a-1"`},
		{"[string(1)]", `"1"`},
		{"[string(json('{\"a\": [1, \"x\"]}'))]", `"{\"a\":[1,\"x\"]}"`},
		{"[toLower(1)]", "error: toLower expects a string, got a number 1"},
	}, nil, nil)
}

// Array and object functions
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
// and template-functions-object, read 2026-12-02): contains compares strings
// case-sensitively and object keys case-insensitively; first() of an empty array
// is null.
func TestArrayFunctions(t *testing.T) {
	runExprCases(t, []exprCase{
		{"[concat(createArray(1), createArray(2, 3))]", "[1,2,3]"},
		{"[concat(createArray(1), 'x')]", "error: concat: cannot concatenate an array with a string"},
		{"[contains('Hello', 'ell')]", "true"},
		{"[contains('Hello', 'ELL')]", "false"},
		{"[contains(createArray('a', 'b'), 'b')]", "true"},
		{"[contains(createArray('a'), 'A')]", "false"},
		{"[contains(json('{\"Key\": 1}'), 'key')]", "true"},
		{"[contains(1, 1)]", "error: contains expects an array, an object or a string"},
		{"[empty('')]", "true"},
		{"[empty(createArray())]", "true"},
		{"[empty(json('{}'))]", "true"},
		{"[empty(json('null'))]", "true"},
		{"[empty('x')]", "false"},
		{"[empty(1)]", "error: empty expects an array, an object or a string, got a number 1"},
		{"[first(createArray(1, 2))]", "1"},
		{"[last(createArray(1, 2))]", "2"},
		{"[first('abc')]", `"a"`},
		{"[first(createArray())]", "null"},
		{"[length('abc')]", "3"},
		{"[length(createArray(1, 2))]", "2"},
		{"[length(json('{\"a\": 1}'))]", "1"},
		{"[length(1)]", "error: length expects an array, an object or a string, got a number 1"},
		{"[take(createArray(1, 2, 3), 2)]", "[1,2]"},
		{"[skip('abc', 1)]", `"bc"`},
		{"[take('abc', 10)]", `"abc"`},
		{"[union(createArray(1, 2), createArray(2, 3))]", "[1,2,3]"},
		{"[union(json('{\"a\": 1}'), json('{\"b\": 2}'))]", `{"a":1,"b":2}`},
		{"[intersection(createArray(1, 2, 3), createArray(2, 3, 4))]", "[2,3]"},
		{"[intersection(json('{\"a\": 1, \"b\": 2}'), json('{\"a\": 1, \"b\": 3}'))]", `{"a":1}`},
		{"[union(createArray(1), 'x')]", "error: union: cannot combine an array with a string"},
		{"[intersection(json('{}'), createArray())]", "error: intersection: cannot combine an object with an array"},
		{"[createArray(1, 'a')]", `[1,"a"]`},
		{"[createObject('a', 1, 'b', 'x')]", `{"a":1,"b":"x"}`},
		{"[createObject('a')]", "error: createObject takes key and value pairs, got 1 arguments"},
		{"[json('[1, 2]')]", "[1,2]"},
		{"[json('{')]", "error: json: \"{\" is not valid JSON"},
		{"[json('{\"a\": {\"b\": 1}}').a.b]", "1"},
		{"[json('{\"a\": {\"b\": 1}}')['a']['B']]", "1"},
		{"[json('{\"a\": 1}').c]", "error: the object has no property 'c'"},
		{"[createArray(1, 2)[1]]", "2"},
		{"[createArray(1)[5]]", "error: index 5 is out of range: the array has 1 elements"},
		{"[tryGet(json('{\"a\": 1}'), 'b')]", "null"},
		{"[tryGet(json('{\"a\": {\"b\": 2}}'), 'a', 'b')]", "2"},
		{"[min(createArray(3, 1, 2))]", "1"},
		{"[max(3, 1, 2)]", "3"},
		{"[range(1, 3)]", "[1,2,3]"},
	}, nil, nil)
}

// Conversions and numbers
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
// and template-functions-logical#bool, read 2026-12-02): int('abc') is an error.
func TestConversionFunctions(t *testing.T) {
	runExprCases(t, []exprCase{
		{"[int('42')]", "42"},
		{"[int(' 7 ')]", "7"},
		{"[int('abc')]", `error: int: "abc" is not an integer`},
		{"[int('')]", `error: int: "" is not an integer`},
		{"[float('1.5')]", "1.5"},
		{"[bool('True')]", "true"},
		{"[bool(0)]", "false"},
		{"[bool('x')]", `error: bool: "x" is neither 'true' nor 'false'`},
		{"[add(1, 2)]", "3"},
		{"[sub(1, 2)]", "-1"},
		{"[mul(3, 2)]", "6"},
		{"[div(7, 2)]", "3"},
		{"[mod(7, 2)]", "1"},
		{"[div(1, 0)]", "error: division by zero"},
	}, nil, nil)
}

// Policy functions and context
// (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions,
// read 2026-12-02): ipRangeContains takes addresses, CIDR and start-end ranges
// and fails on empty ranges and mixed families; utcNow() is
// yyyy-MM-ddTHH:mm:ss.fffffffZ; resourceGroup(), subscription(),
// requestContext().apiVersion and utcNow() come from the caller's Context and are
// unknown without it.
func TestPolicyFunctions(t *testing.T) {
	ctx := &Context{
		ResourceGroup: map[string]any{"name": "rg-app", "location": "eastus", "tags": map[string]any{"env": "prod"}},
		Subscription:  map[string]any{"subscriptionId": "0000-1111", "displayName": "corp"},
		APIVersion:    "2024-03-01",
		Now:           time.Date(2026, 12, 2, 8, 30, 15, 123456700, time.UTC),
	}
	runExprCases(t, []exprCase{
		{"[parameters('ports')]", `["22","3389"]`},
		{"[parameters('PORTS')[1]]", `"3389"`},
		{"[parameters('nope')]", "error: the definition has no parameter 'nope'"},
		{"[resourceGroup().name]", `"rg-app"`},
		{"[resourceGroup().tags['env']]", `"prod"`},
		{"[subscription().subscriptionId]", `"0000-1111"`},
		{"[requestContext().apiVersion]", `"2024-03-01"`},
		{"[utcNow()]", `"2026-12-02T08:30:15.1234567Z"`},
		{"[utcNow('yyyyMMddTHHmmssZ')]", `"20261202T083015Z"`},
		{"[utcNow('dddd')]", `error: utcNow: the format specifier "dddd" is not supported`},
		{"[utcNow('yyyy-MM-dd')]", `"2026-12-02"`},
		{"[addDays('2024-01-30T00:00:00.0000000Z', 3)]", `"2024-02-02T00:00:00.0000000Z"`},
		{"[addDays(utcNow(), -2)]", `"2026-11-30T08:30:15.1234567Z"`},
		{"[addDays('soon', 1)]", `error: addDays: "soon" is not an ISO 8601 date and time`},
		{"[ipRangeContains('10.0.0.0/24', '10.0.0.5')]", "true"},
		{"[ipRangeContains('10.0.0.0/24', '10.0.1.0/28')]", "false"},
		{"[ipRangeContains('10.0.0.0/8', '10.1.0.0-10.1.255.255')]", "true"},
		{"[ipRangeContains('2001:db8::/32', '2001:db8::3:ffff')]", "true"},
		{"[ipRangeContains('10.0.0.0/24', '2001:db8::1')]", "error: are of different IP families"},
		{"[ipRangeContains('', '10.0.0.1')]", "error: ipRangeContains expects an IP address"},
		{"[policy().assignmentId]", `"/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a1"`},
		{"[policy().definitionReferenceId]", `"ref1"`},
		{"[field('name')]", `"thing1"`},
		{"[current()]", "error: current() is only available inside the where of a count"},
	}, map[string]any{"ports": []any{"22", "3389"}}, ctx)
	runExprCases(t, []exprCase{
		{"[resourceGroup().name]", "<unknown>"},
		{"[subscription()]", "<unknown>"},
		{"[requestContext().apiVersion]", "<unknown>"},
		{"[utcNow()]", "<unknown>"},
		{"[concat('rg-', resourceGroup().name)]", "<unknown>"},
	}, nil, nil)
}

// An unknown function or a wrong number of arguments is an error when the rule is
// evaluated, an implicit deny, naming the expression.
func TestFunctionCallErrors(t *testing.T) {
	runExprCases(t, []exprCase{
		{"[foo(1)]", "error: [foo(1)]: unknown function 'foo'"},
		{"[toLower()]", "error: [toLower()]: toLower takes 1 argument, not 0"},
		{"[substring('a')]", "error: substring takes 2 to 3 arguments, not 1"},
		{"[and()]", "error: and takes at least 1 arguments, not 0"},
		{"[reference('x')]", "error: unknown function 'reference'"},
	}, nil, nil)
	r := evalIf(t, `{"value": "[int('abc')]", "equals": 1}`, map[string]any{"type": "Microsoft.Test/things"})
	if r.Outcome != ImplicitDeny || !IsImplicitDeny(r.Err) || !containsAll(r.Reason(), `policyRule.if: [int('abc')]: int: "abc" is not an integer`, "implicit deny") {
		t.Fatalf("got %v %v: %s", r.Outcome, r.Err, r.Reason())
	}
}
