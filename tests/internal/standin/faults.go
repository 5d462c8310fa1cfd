package standin

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// EnvFaults names an environment variable holding the path of a fault plan (a JSON
// FaultPlan): what goes wrong in Azure, per test. The stand-in reads the plan at
// every operation, so a test changes it between the operations of one stack. The
// counts of matching calls live beside it (<plan>.count), shared by every provider
// process of the stack under a file lock, and start again when the plan changes.
const EnvFaults = "AIREADY_STANDIN_FAULTS"

// FaultKind is what a fault does.
type FaultKind string

// The faults the stand-in injects. Each emulates Azure's answer and what
// azure-native 2.x does with it (pulumi/pulumi-azure-native provider/pkg/provider
// and provider/pkg/azure, read 2026-12-02).
const (
	// FaultError: ARM refuses the request with an error body; nothing changes in
	// Azure. azure-native reports `Status=<status> Code="<code>" Message="<message>"`.
	FaultError FaultKind = "error"
	// FaultAccepted: ARM accepts the request, then its long-running operation fails:
	// the resource exists (in a failed state). azure-native reports a partial
	// failure with the resource's id and state, and the engine keeps the resource,
	// with its error, in the stack's state.
	FaultAccepted FaultKind = "accepted"
	// FaultThrottle: ARM answers 429 (or a 5xx, Status) with Retry-After. Like
	// azure-native's client (408, 429, 500, 502, 503, 504 are retried, 3 retries,
	// honouring Retry-After), the stand-in waits and retries; each attempt counts
	// as a call, so Times > 3 exhausts the retries and the error reaches the engine.
	FaultThrottle FaultKind = "throttle"
	// FaultHang: the request does not complete. The operation fails at its timeout
	// (the resource's customTimeouts, else azure-native's default of 2 hours:
	// "operation timed out") or when the engine cancels it ("context canceled").
	FaultHang FaultKind = "hang"
	// FaultExit: the provider process exits mid-operation: the engine loses the
	// connection.
	FaultExit FaultKind = "exit"
	// FaultKillEngine: the engine (the stand-in's parent process) is killed
	// mid-operation, as when a CI runner or a laptop dies: the stack stays locked
	// and the operations in flight stay pending in its state.
	FaultKillEngine FaultKind = "kill-engine"
)

// Retries is how often azure-native's client retries a throttled request.
const Retries = 3

// FaultPlan lists the faults of a test.
type FaultPlan struct {
	// Faults are matched in order; the first that fires wins.
	Faults []Fault `json:"faults"`
}

// Fault is one thing that goes wrong: a kind of failure for the Nth to the
// (Nth+Times-1)th call that matches Op, Type and Name.
type Fault struct {
	// Op is the operation: "create", "update" or "delete".
	Op string `json:"op"`
	// Type is the resource type, "module:Type" of its token (any API version); "" matches any.
	Type string `json:"type,omitempty"`
	// Name is the resource's URN name; "" matches any.
	Name string `json:"name,omitempty"`
	// Nth is the first matching call that fails, from 1. Default 1.
	Nth int `json:"nth,omitempty"`
	// Times is how many matching calls fail from the Nth on. Default 1.
	Times int `json:"times,omitempty"`
	// Kind is what happens.
	Kind FaultKind `json:"kind"`
	// Status, Code and Message make the ARM error body (error, accepted, throttle).
	// Defaults: 400 BadRequest; 429 TooManyRequests for a throttle.
	Status  int    `json:"status,omitempty"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
	// RetryAfter is the Retry-After of a throttle, in seconds. Default 1.
	RetryAfter int `json:"retryAfter,omitempty"`
	// Applied says that Azure carried the request out although the caller never
	// heard back (hang, exit, kill-engine): the resource is created or updated in
	// the cloud.
	Applied bool `json:"applied,omitempty"`
}

func (f Fault) matches(op string, urn resource.URN) bool {
	if f.Op != op {
		return false
	}
	if f.Type != "" && parseToken(string(urn.Type())).key() != f.Type {
		return false
	}
	return f.Name == "" || f.Name == urn.Name()
}

// armError is the error azure-native makes of ARM's error body.
func (f Fault) armError() error {
	status, code := f.Status, f.Code
	if status == 0 {
		status = 400
		if f.Kind == FaultThrottle {
			status = 429
		}
	}
	if code == "" {
		code = "BadRequest"
		if status == 429 {
			code = "TooManyRequests"
		}
	}
	msg := f.Message
	if msg == "" {
		msg = "the stand-in's injected fault"
	}
	return fmt.Errorf(`Status=%d Code="%s" Message="%s"`, status, code, msg)
}

func (f Fault) check() error {
	switch f.Kind {
	case FaultError, FaultAccepted, FaultThrottle, FaultHang, FaultExit, FaultKillEngine:
	default:
		return fmt.Errorf("fault kind %q: want error, accepted, throttle, hang, exit or kill-engine", f.Kind)
	}
	if f.Op != "create" && f.Op != "update" && f.Op != "delete" {
		return fmt.Errorf("fault op %q: want create, update or delete", f.Op)
	}
	if f.Nth < 0 || f.Times < 0 || f.Status < 0 || f.RetryAfter < 0 {
		return errors.New("fault nth, times, status and retryAfter cannot be negative")
	}
	return nil
}

// WriteFaultPlan writes a plan for the stand-ins of a stack to read (atomically,
// so a provider process never reads half a plan).
func WriteFaultPlan(path string, plan FaultPlan) error {
	for i, f := range plan.Faults {
		if err := f.check(); err != nil {
			return fmt.Errorf("fault plan: fault %d: %w", i, err)
		}
	}
	b, err := json.MarshalIndent(plan, "", "  ")
	if err != nil {
		return fmt.Errorf("fault plan: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("fault plan: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("fault plan: %w", err)
	}
	return nil
}

// faults is a stand-in's view of its stack's fault plan.
type faults struct {
	path string
}

func openFaults() *faults {
	if p := os.Getenv(EnvFaults); p != "" {
		return &faults{path: p}
	}
	return nil
}

type faultCounts struct {
	Plan   string `json:"plan"`
	Counts []int  `json:"counts"`
}

// next counts a call of op on urn against every fault it matches and returns the
// fault that fires, if any.
func (fp *faults) next(op string, urn resource.URN) (*Fault, error) {
	if fp == nil {
		return nil, nil
	}
	unlock, err := LockFile(fp.path + ".lock")
	if err != nil {
		return nil, fmt.Errorf("fault plan: %w", err)
	}
	defer unlock()
	plan, hash, err := readPlan(fp.path)
	if err != nil || len(plan.Faults) == 0 {
		return nil, err
	}
	counts, err := readCounts(fp.path+".count", hash, len(plan.Faults))
	if err != nil {
		return nil, err
	}
	var fired *Fault
	for i, f := range plan.Faults {
		if !f.matches(op, urn) {
			continue
		}
		counts.Counts[i]++
		nth, times := max(f.Nth, 1), max(f.Times, 1)
		if n := counts.Counts[i]; fired == nil && n >= nth && n < nth+times {
			fired = &plan.Faults[i]
		}
	}
	b, err := json.Marshal(counts)
	if err != nil {
		return nil, fmt.Errorf("fault plan: %w", err)
	}
	if err := os.WriteFile(fp.path+".count", b, 0o644); err != nil {
		return nil, fmt.Errorf("fault plan: %w", err)
	}
	return fired, nil
}

func readPlan(path string) (FaultPlan, string, error) {
	var plan FaultPlan
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return plan, "", nil
	}
	if err != nil {
		return plan, "", fmt.Errorf("fault plan: %w", err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return plan, "", nil
	}
	if err := json.Unmarshal(b, &plan); err != nil {
		return plan, "", fmt.Errorf("fault plan %s: %w", path, err)
	}
	for i, f := range plan.Faults {
		if err := f.check(); err != nil {
			return plan, "", fmt.Errorf("fault plan %s: fault %d: %w", path, i, err)
		}
	}
	sum := sha256.Sum256(b)
	return plan, hex.EncodeToString(sum[:]), nil
}

func readCounts(path, hash string, n int) (faultCounts, error) {
	fresh := faultCounts{Plan: hash, Counts: make([]int, n)}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fresh, nil
	}
	if err != nil {
		return fresh, fmt.Errorf("fault plan: %w", err)
	}
	var c faultCounts
	if err := json.Unmarshal(b, &c); err != nil || c.Plan != hash || len(c.Counts) != n {
		return fresh, nil // another plan's counts: this plan starts from zero
	}
	return c, nil
}
