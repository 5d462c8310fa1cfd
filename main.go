// Command ai-ready is the Pulumi program of the ai-ready project: `pulumi up -s
// corp` (or online, dev) builds that stack's AI landing zone. The program itself is
// stacks.Program, so the Automation API can run the same code inline.
package main

import (
	"github.com/aiready/aiready/stacks"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(stacks.Program)
}
