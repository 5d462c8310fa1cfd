package azpolicy

import (
	"errors"
	"fmt"
)

// ErrImplicitDeny marks an evaluation that failed: Azure Policy treats a failed
// evaluation (a template function error, a type error in a condition) as an
// implicit deny. Results whose Outcome is ImplicitDeny wrap it.
var ErrImplicitDeny = errors.New("evaluation failed (Azure Policy: implicit deny)")

// ExprError is an error of a template expression, naming the expression.
type ExprError struct {
	// Expr is the expression as written in the definition, e.g. "[int('abc')]".
	Expr string
	// Err is what went wrong.
	Err error
}

// Error implements error.
func (e *ExprError) Error() string { return fmt.Sprintf("%s: %v", e.Expr, e.Err) }

// Unwrap returns the cause.
func (e *ExprError) Unwrap() error { return e.Err }

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
