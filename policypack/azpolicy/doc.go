// Package azpolicy evaluates Azure Policy definitions against planned resources:
// the policy rule language as Microsoft documents it (learn.microsoft.com, "Azure
// Policy definition structure" and "Author policies for array properties", read
// 2026-12-02), on resources in their ARM JSON shape, with values unknown at
// preview and the errors Azure turns into an implicit deny. It depends on the
// standard library only, so the policy pack and a command can both be thin layers
// over it.
//
// # Use
//
//	def, err := azpolicy.ParseDefinition(data)          // either JSON shape
//	pol, err := def.Bind(params, nil)                    // parameters checked, folded
//	res, err := azpolicy.FromAzureNative(token, inputs, &azpolicy.ConvertOptions{...})
//	r := pol.Evaluate(res, &azpolicy.Context{...})
//	r.Outcome, r.Effect, r.Condition, r.Value, r.Reason(), r.Operations
//
// Assignments: Library.Load reads definitions, set definitions and assignments
// (one object or an az CLI list); Library.Resolve binds an assignment to one
// Policy per definition (a set's members with its parameter mapping);
// Assignment.Covers applies scope and notScopes; Assignment.Enforced reads
// enforcementMode. Bind once, evaluate many times: Evaluate does no parsing and
// renders no text (Reason is rendered on demand).
//
// A tenant: Export reads the exports of `az policy definition list`,
// `set-definition list`, `assignment list` and `exemption list`, and the
// Azure/azure-policy repository's files (AddPath: a file or a directory), with
// errors naming the file and the JSON path, or the line and column of malformed
// JSON. Assess resolves its assignments once (Library.ResolveSupplied: the
// members the library holds; the definitions it lacks, such as built-ins not
// exported, are listed as Missing, never passed), and Assessment.Evaluate
// evaluates them on a resource at a Placement (its id, the management groups
// above its subscription), applying scope, notScopes and exemptions. A stack's
// own definitions layer over a tenant's with NewLibraryOver. Policy.AppliesToType
// tells, from an if that decides on the type first, that a resource of another
// type cannot be reported, so callers skip it.
//
// # Definitions, sets, assignments
//
// Definitions parse in the Azure/azure-policy repository and REST shape
// ({"name", "properties": {...}}) and in the flat shape of `az policy definition
// list` and the project's library. Parameters have a type (String, Array, Object,
// Boolean, Integer, Float, DateTime), a defaultValue and allowedValues. Binding
// (Definition.Bind, and for sets Library.Resolve) refuses what ARM refuses when it
// creates an assignment: an undeclared parameter, a value of another type, a value
// not among allowedValues (compared case-sensitively; for an Array parameter, each
// element), a parameter without default and without value; each error names the
// parameter, the definition or set, the value and what is allowed. A set's member
// parameters are evaluated with the set's values ("[parameters('x')]", and any
// pure function). Assignment overrides of kind policyEffect with
// policyDefinitionReferenceId selectors replace the effect; policyVersion
// overrides and resourceSelectors are read but do not change the evaluation.
//
// Exemptions (learn.microsoft.com/azure/governance/policy/concepts/exemption-structure,
// read 2026-12-02): an exemption's scope is its id's part before
// /providers/Microsoft.Authorization/policyExemptions/; it exempts the resources
// at or below it from its policyAssignmentId (only the members of
// policyDefinitionReferenceIds when it lists them), Waiver and Mitigated alike,
// until expiresOn. Its resourceSelectors and assignmentScopeValidation are not
// read.
//
// # Conditions
//
// if/then; allOf, anyOf, not; field, value and count conditions with every
// operator: equals, notEquals, like, notLike, match, matchInsensitively, notMatch,
// notMatchInsensitively, contains, notContains, in, notIn, containsKey,
// notContainsKey, less, lessOrEquals, greater, greaterOrEquals, exists. Keys and
// operator names are case-insensitive.
//
//   - Strings compare ignoring case, except match and notMatch. equals also
//     matches a boolean or a number with its string form ("true", "3389"), and
//     arrays and objects member by member. like takes '*' (any number of them);
//     match takes '#' (a digit), '?' (a letter), '.' (any character).
//   - contains: a substring (ignoring case) of a string, an element of an array.
//     containsKey: a key of an object, ignoring case. in/notIn need an array; else
//     the condition fails (implicit deny).
//   - less and friends: numbers numerically, strings as ISO 8601 dates when both
//     are, otherwise ignoring case; a number against a string is an error; a
//     missing value is neither less nor greater (false).
//   - exists takes true/false or "true"/"false".
//   - location is normalized ("East US 2" equals "eastus2") on both sides.
//
// Fields: name, fullName, kind, type, location, id, identity.type (and other
// identity.* paths), tags, tags['x'], tags[”'x”'], tags[x], tags.x, and aliases.
// A field may be an expression of parameters ("[concat('tags[', parameters('t'),
// ']')]").
//
// # Arrays
//
// A field condition on a [*] alias holds when every selected value satisfies it,
// and so holds for an empty or missing array; nested [*] flatten. count counts
// the members satisfying where (all members without where), each evaluated as if
// it were the array's only member: a field inside where reads the current member,
// fields outside the array read the resource, counts nest. field() of a [*] alias
// returns the array of selected values, inside where an array of one; field() of
// a missing property returns "". current() is the innermost count's member,
// current('name') a value count's by its name, current('alias[*]') a field
// count's, current('alias[*].x') a property of it.
//
// # Template functions
//
// parameters, field, current, resourceGroup(), subscription() and
// requestContext().apiVersion and utcNow() (from the Context; Unknown when it does
// not say), policy(), addDays, ipRangeContains; concat, split, replace, toLower,
// toUpper, trim, padLeft, format, substring, indexOf, lastIndexOf, startsWith,
// endsWith, string, int, float, bool, json, if, and, or, not, equals, less,
// lessOrEquals, greater, greaterOrEquals, coalesce, empty, contains, length,
// first, last, take, skip, createArray, array, createObject, union, intersection,
// tryGet, min, max, range, add, sub, mul, div, mod, true(), false(), null();
// property access (.x, ['x']) and indexes ([0]). Function names ignore case. Only
// if() is documented to evaluate just the branch it returns; and() and or()
// evaluate every argument here, so a guard written with and() is reported rather
// than trusted. equals() and contains() on strings are case-sensitive, as in ARM.
// Strings of the form "[...]" are expressions; "[[..." is the literal "[...".
//
// Not supported: the functions Azure Policy excludes (reference, list*,
// resourceId, deployment, variables, ...), user-defined functions, lambdas, the
// date functions other than addDays and utcNow, base64/uri/guid/uniqueString.
// requestContext().identity is Unknown. utcNow(format) supports yyyy, yy, MM, dd,
// HH, mm, ss, f..fffffff and "u".
//
// # Outcomes, errors and unknown values
//
// An evaluation error (a function error such as int('abc') or substring out of
// range, an unknown function, a wrong number of arguments, a type error in a
// condition) is ImplicitDeny, whatever the effect, naming the condition's path
// and the expression. Logical operators evaluate members in order and stop at
// the first deciding one, so an error after a false allOf member is not reached.
//
// A value may be Unknown (a Pulumi output not known at preview), anywhere in a
// resource or a parameter. A condition reading it is unknown unless the logic
// decides without it (allOf with a false member is false, anyOf with a true
// member is true, a count whose range of possible values gives one answer); the
// outcome is then CannotVerify, never a pass. An unknown member followed by an
// error is CannotVerify too: whether Azure reaches the error depends on it.
//
// Modes: All evaluates every type; Indexed (and an empty mode) only types that
// support tags and location (from the azure-native table; resource groups and
// subscriptions are not; otherwise top-level types are and child types only with
// a location): others are NotApplicable. Resource Provider modes
// (Microsoft.*.Data) are NotEvaluable: the provider evaluates them on its data
// plane, not at deployment.
//
// Effects resolve case-insensitively: Deny, Audit, Manual, DenyAction: a true if
// is NonCompliant. Disabled: not evaluated. Modify: NonCompliant with the
// operations whose condition holds (Result.Operations); ApplyOperations applies
// them (addOrReplace, add, remove for tags; [*] aliases as documented;
// a missing parent property skips the operation) and RemediateInputs applies
// them to azure-native inputs. Append: the details as append operations, a
// conflicting value an error. AuditIfNotExists and DeployIfNotExists: the details
// (type, name, resourceGroupName, existenceScope) go to Context.Related, and the
// existenceCondition is evaluated on each related resource (field conditions read
// it, field() reads the evaluated resource); without Related the outcome is
// CannotVerify. conflictEffect, evaluationDelay and the deployment are not
// evaluated.
//
// Result.Condition is the path of the deciding condition
// ("policyRule.if.anyOf[1].allOf[2]") and Result.Value the value found there;
// Reason renders both with the operator and operand, a [*] member's index, and
// for a count the member that matched.
//
// # Resources and aliases
//
// Resources are ARM JSON (type, name, id, location, kind, tags, sku, identity,
// zones, properties, ...). An alias Namespace/type/path applies to resources of
// that type (case-insensitively) and reads, by the generic rule, its first name
// in the envelope (name, location, tags, kind, sku, identity, zones, type, id,
// plan, extendedLocation, etag, managedBy, systemData) or under properties, and
// below that a sub-resource's names other than name, id, type and etag under the
// sub-resource's own properties when it has them. An alias that does not apply is
// a missing value (an empty collection for [*]). The AliasTable overrides the rule
// for the exceptions: DefaultAliases ships those of the project's types
// (aliases.json, each with its source; virtual machines, virtual network
// gateways, key vaults), checked with the generic rule against Azure's alias dump
// in testdata/aliases; AddProviderJSON adds `az provider show --expand
// resourceTypes/aliases` output.
//
// FromAzureNative converts an azure-native resource (type token of any
// API-version module, inputs with Unknown) to that shape from azurenative.json:
// the ARM type; the own-name input as name (else ConvertOptions.Name, else
// Unknown); path parameters dropped; properties flattened (most types), kept
// (Cognitive Services accounts and deployments, Key Vault, Search shared private
// links, resource deployments) or renamed (ML registries: registryProperties);
// per-type envelope exceptions (a VPN gateway's sku, a backend's type and
// properties); inline sub-resources (NSG rules, subnets, IP configurations,
// private link connections, ...) re-nested under their properties; the id and
// fullName built when their parts are known. ToAzureNative is the inverse. The
// table is checked against the azure-native 2.90.0 type definitions when they are
// cached (TestAzureNativeTableMatchesTypes); a token it does not hold is
// ErrNotInTable.
package azpolicy
