package securenetwork

import (
	"math"
	"strings"
	"testing"
)

func TestRecommendConnectivity(t *testing.T) {
	cases := []struct {
		needs ConnectivityNeeds
		mode  HybridMode
		why   string
	}{
		{ConnectivityNeeds{DailyVolumeGB: 5000}, HybridExpressRoute, "high-volume"},
		{ConnectivityNeeds{DailyVolumeGB: HighVolumeGBPerDay}, HybridExpressRoute, "high-volume"},
		{ConnectivityNeeds{DailyVolumeGB: 10, RealTime: true}, HybridExpressRoute, "real-time"},
		{ConnectivityNeeds{DailyVolumeGB: 10, SteadyPerformance: true}, HybridExpressRoute, "consistent performance"},
		{ConnectivityNeeds{RealTime: true}, HybridExpressRoute, "real-time"},
		{ConnectivityNeeds{DailyVolumeGB: 999}, HybridVPN, "moderate or infrequent"},
		{ConnectivityNeeds{DailyVolumeGB: 0.5}, HybridVPN, "VPN Gateway"},
		{ConnectivityNeeds{}, HybridNone, "no on-premises data"},
	}
	for _, tc := range cases {
		got, err := RecommendConnectivity(tc.needs)
		if err != nil {
			t.Fatalf("%+v: %v", tc.needs, err)
		}
		if got.Mode != tc.mode || !strings.Contains(got.Reason, tc.why) {
			t.Errorf("%+v: got %s (%s), want %s (%q)", tc.needs, got.Mode, got.Reason, tc.mode, tc.why)
		}
	}
	for _, bad := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := RecommendConnectivity(ConnectivityNeeds{DailyVolumeGB: bad}); err == nil || !strings.Contains(err.Error(), "DailyVolumeGB") {
			t.Errorf("volume %v: err = %v", bad, err)
		}
	}
}

// The recommendation plugs into the args.
func TestRecommendationIsAMode(t *testing.T) {
	rec, err := RecommendConnectivity(ConnectivityNeeds{DailyVolumeGB: 2000})
	if err != nil {
		t.Fatal(err)
	}
	args := onlineArgs()
	args.Regions[0].Hybrid.Mode = rec.Mode
	if err := args.Validate(); err != nil {
		t.Fatal(err)
	}
}
