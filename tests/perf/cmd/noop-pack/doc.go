// Command noop-pack is a policy pack that checks nothing: one advisory policy that
// never reports, served as the real pack is served (the SDK's rpcutil server, the port
// on stdout). Previews with it beside previews with the real pack tell the engine's
// cost of running any policy pack (starting the plugin, the extra calls per resource)
// from the real pack's own work (perf preview, perf startup).
package main
