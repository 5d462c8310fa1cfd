package standin

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil/rpcerror"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/types/known/structpb"
)

// defaultTimeout is azure-native's timeout of an operation without customTimeouts.
const defaultTimeout = 120 * time.Minute

// azureCall is one write request to ARM: a create, an update or a delete.
type azureCall struct {
	op      string
	urn     resource.URN
	id      string
	timeout float64 // seconds, from the resource's customTimeouts; 0: the default
	inputs  resource.PropertyMap
	outputs *structpb.Struct
	// record carries the request out in the cloud.
	record func() error
}

// request sends a call to "Azure": with no fault it is carried out; otherwise the
// fault decides (see FaultKind).
func (p *Provider) request(ctx context.Context, c azureCall) error {
	for attempt := 1; ; attempt++ {
		f, err := p.faults.next(c.op, c.urn)
		if err != nil {
			return fmt.Errorf("%s stand-in: %w", p.pkg.Name, err)
		}
		if f == nil {
			return c.record()
		}
		switch f.Kind {
		case FaultError:
			return f.armError()
		case FaultAccepted:
			if err := c.record(); err != nil {
				return err
			}
			return p.partial(c, f.armError())
		case FaultThrottle:
			if attempt > Retries {
				return f.armError()
			}
			if err := p.retryAfter(ctx, c, f, attempt); err != nil {
				return err
			}
		case FaultHang:
			return p.hang(ctx, c, f)
		default: // FaultExit, FaultKillEngine
			return p.lose(c, f)
		}
	}
}

// partial is azure-native's error for a resource whose operation failed after ARM
// accepted it: the engine records the resource with its id, state and the error.
func (p *Provider) partial(c azureCall, err error) error {
	if c.op != "create" && c.op != "update" {
		return err
	}
	inputs, merr := p.marshal("inputs", c.inputs, inputOpts)
	if merr != nil {
		return merr
	}
	detail := &pulumirpc.ErrorResourceInitFailed{Id: c.id, Properties: c.outputs, Reasons: []string{err.Error()}, Inputs: inputs}
	return rpcerror.WithDetails(rpcerror.New(codes.Unknown, err.Error()), detail)
}

// retryAfter waits a throttle's Retry-After before the next attempt, saying so.
func (p *Provider) retryAfter(ctx context.Context, c azureCall, f *Fault, attempt int) error {
	wait := time.Duration(max(f.RetryAfter, 1)) * time.Second
	p.log(diag.Warning, c.urn, fmt.Sprintf("Azure answered %v to the %s of %s (Retry-After: %d); retrying in %s as azure-native's client does (retry %d of %d)",
		f.armError(), c.op, c.id, int(wait/time.Second), wait, attempt, Retries))
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-p.cancelled:
		return context.Canceled
	}
}

// hang waits for the operation's timeout or for the engine to cancel it; Azure
// may still carry the request out (Applied).
func (p *Provider) hang(ctx context.Context, c azureCall, f *Fault) error {
	d := defaultTimeout
	if c.timeout > 0 {
		d = time.Duration(c.timeout * float64(time.Second))
	}
	t := time.NewTimer(d)
	defer t.Stop()
	err := fmt.Errorf("operation timed out")
	select {
	case <-t.C:
	case <-ctx.Done():
		err = ctx.Err()
	case <-p.cancelled:
		err = context.Canceled
	}
	if f.Applied {
		if rerr := c.record(); rerr != nil {
			return rerr
		}
	}
	return err
}

// lose ends the connection mid-operation: the provider process exits, after
// killing the engine for a kill-engine fault.
func (p *Provider) lose(c azureCall, f *Fault) error {
	if f.Applied {
		if err := c.record(); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "pulumi-resource-%s (stand-in): fault %s during the %s of %s: exiting\n", p.pkg.Name, f.Kind, c.op, c.urn)
	if f.Kind == FaultKillEngine {
		if err := killEngine(); err != nil {
			return err
		}
	}
	os.Exit(3)
	return nil
}
