// Package azpolicy evaluates Azure Policy definitions against planned resources in
// their ARM JSON shape: the policy rule language as Microsoft documents it, with
// values unknown at preview giving "cannot verify" and evaluation errors an
// implicit deny.
package azpolicy
