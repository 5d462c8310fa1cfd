package network_test

import (
	"strings"
	"testing"

	"github.com/aiready/aiready/components/securenetwork"
	"github.com/aiready/aiready/provider/internal/constructtest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// TestUserNamedArchetypeIsTheLibrarys: from any language, a user-named archetype
// with its archetypeBase builds what the library builds, and without a base (or
// with a bad one) fails naming the input, before anything is registered.
func TestUserNamedArchetypeIsTheLibrarys(t *testing.T) {
	inputs := strings.Replace(online, `"archetype": "online"`, `"archetype": "public-apps", "archetypeBase": "online"`, 1)
	got, err := constructtest.Provider(t, securenetwork.TypeToken, "ai", inputs)
	if err != nil {
		t.Fatal(err)
	}
	args := onlineArgs()
	args.Archetype, args.ArchetypeBase = "public-apps", securenetwork.ArchetypeOnline
	want, err := constructtest.Library(t, func(ctx *pulumi.Context) error {
		_, err := securenetwork.New(ctx, "ai", args)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	constructtest.Same(t, got.Resources, want)

	for from, name := range map[string]string{
		`"archetype": "public-apps"`:                         "archetype",
		`"archetype": "public-apps", "archetypeBase": "lab"`: "archetypeBase",
		`"archetype": "corp", "archetypeBase": "online"`:     "archetypeBase",
	} {
		bad := strings.Replace(online, `"archetype": "online"`, from, 1)
		got, err := constructtest.Provider(t, securenetwork.TypeToken, "ai", bad)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want it to name %s", from, err, name)
		}
		if len(got.Resources) > 0 {
			t.Errorf("%s: registered %d resources before failing", from, len(got.Resources))
		}
	}
}
