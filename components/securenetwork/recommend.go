package securenetwork

import (
	"fmt"
	"math"
)

// HighVolumeGBPerDay is the daily volume from which RecommendConnectivity prefers
// ExpressRoute: 1 TB a day is about 93 Mbit/s on average, and moved in a few hours'
// window it saturates a VPN tunnel (about 1 Gbit/s each for VpnGw2AZ and up), while
// ExpressRoute circuits run at 1 to 100 Gbit/s on a private, dedicated path.
const HighVolumeGBPerDay = 1000.0

// ConnectivityNeeds describe how a workload moves on-premises data to Azure.
type ConnectivityNeeds struct {
	// DailyVolumeGB is the data moved per day, in gigabytes. Zero with no other need
	// means no on-premises data.
	DailyVolumeGB float64
	// RealTime is true when the data feeds real-time processing (streaming, online
	// inference on on-premises data).
	RealTime bool
	// SteadyPerformance is true when the workload needs consistent latency and
	// throughput, which the public internet under a VPN cannot promise.
	SteadyPerformance bool
}

// Recommendation is RecommendConnectivity's answer.
type Recommendation struct {
	// Mode is HybridExpressRoute, HybridVPN or HybridNone.
	Mode HybridMode
	// Reason explains the choice in the guide's terms.
	Reason string
}

// RecommendConnectivity applies the guide's "Choose appropriate connectivity for
// on-premises data sources": ExpressRoute (with FastPath) for high-volume, real-time
// or steady-performance transfer; VPN Gateway for moderate or infrequent transfer;
// none without on-premises data. It fails on a negative or non-finite volume.
func RecommendConnectivity(n ConnectivityNeeds) (Recommendation, error) {
	if n.DailyVolumeGB < 0 || math.IsNaN(n.DailyVolumeGB) || math.IsInf(n.DailyVolumeGB, 0) {
		return Recommendation{}, fmt.Errorf("%s: RecommendConnectivity: DailyVolumeGB %v must be a finite number of gigabytes, 0 or more", pkg, n.DailyVolumeGB)
	}
	switch {
	case n.DailyVolumeGB >= HighVolumeGBPerDay:
		return Recommendation{HybridExpressRoute, fmt.Sprintf("%.0f GB a day is high-volume transfer (%.0f GB or more): ExpressRoute gives dedicated bandwidth, and FastPath bypasses the gateway on the data path", n.DailyVolumeGB, HighVolumeGBPerDay)}, nil
	case n.RealTime:
		return Recommendation{HybridExpressRoute, "real-time processing of on-premises data needs the low, predictable latency of ExpressRoute with FastPath"}, nil
	case n.SteadyPerformance:
		return Recommendation{HybridExpressRoute, "consistent performance needs ExpressRoute's private connection; a VPN crosses the public internet"}, nil
	case n.DailyVolumeGB > 0:
		return Recommendation{HybridVPN, fmt.Sprintf("%.0f GB a day is moderate or infrequent transfer (under %.0f GB) without real-time or steady-performance needs: VPN Gateway is simpler and costs less", n.DailyVolumeGB, HighVolumeGBPerDay)}, nil
	}
	return Recommendation{HybridNone, "no on-premises data to transfer: no hybrid connectivity is needed"}, nil
}
