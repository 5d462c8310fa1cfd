package engine

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// A stack config file as `pulumi stack init corp` leaves it with a passphrase
// backend, then edited by the user (README, "Configure and run against Azure").
const initConfig = `# corp: an internal AI landing zone
encryptionsalt: v1:3iH/Ahhc5A0=:v1:bDf1Uh8ZO3Yx1kbq:Q2bBjoCzUM6Sa0Hnt0kqT1TDpMLgnw==
config:
  ai-ready:archetype: corp
  ai-ready:models:
    - name: gpt-4o
      version: "2024-11-20"
`

func TestPortableConfigDropsTheSecretsProvider(t *testing.T) {
	for name, extra := range map[string]string{
		"passphrase":       "",
		"cloud kms":        "secretsprovider: azurekeyvault://vault.vault.azure.net/keys/pulumi\nencryptedkey: ZmFrZQ==\n",
		"provider at end":  "",
		"only the secrets": "",
	} {
		t.Run(name, func(t *testing.T) {
			in := initConfig + extra
			switch name {
			case "only the secrets":
				in = "encryptionsalt: v1:abc\n"
			case "provider at end":
				salt, rest, _ := strings.Cut(strings.TrimPrefix(initConfig, "# corp: an internal AI landing zone\n"), "\n")
				in = "# corp: an internal AI landing zone\n" + rest + salt + "\n"
			}
			out, err := PortableConfig("Pulumi.corp.yaml", []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := yaml.Unmarshal(out, &got); err != nil {
				t.Fatalf("the portable config is not YAML: %v\n%s", err, out)
			}
			for _, k := range secretsProviderKeys {
				if _, ok := got[k]; ok {
					t.Errorf("%s kept:\n%s", k, out)
				}
			}
			if name == "only the secrets" {
				return
			}
			cfg, _ := got["config"].(map[string]any)
			models, _ := cfg["ai-ready:models"].([]any)
			if cfg["ai-ready:archetype"] != "corp" || len(models) != 1 || models[0].(map[string]any)["version"] != "2024-11-20" {
				t.Errorf("the config values changed:\n%s", out)
			}
			if !strings.Contains(string(out), `version: "2024-11-20"`) || !strings.Contains(string(out), "# corp: an internal AI landing zone") {
				t.Errorf("quoting or comments were lost:\n%s", out)
			}
		})
	}
	plain := "config:\n  ai-ready:archetype: dev\n"
	if out, err := PortableConfig("Pulumi.dev.yaml", []byte(plain)); err != nil || string(out) != plain {
		t.Errorf("a file without a secrets provider = %q, %v; want it unchanged", out, err)
	}
}

func TestPortableConfigNamesSecureValues(t *testing.T) {
	in := initConfig + `  ai-ready:vpnSharedKey:
    secure: v1:8GZ3p9KJ0r7Yx1kb:WeXQnH0Z0nq6m1h0Tq1Y
  ai-ready:jumpbox:
    sshPublicKey: ssh-ed25519 AAAA ops@contoso
    adminPasswords:
      - secure: v1:abc:def
`
	_, err := PortableConfig("Pulumi.corp.yaml", []byte(in))
	var se *SecretsError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *SecretsError", err)
	}
	if want := []string{"ai-ready:vpnSharedKey", "ai-ready:jumpbox.adminPasswords[0]"}; !slices.Equal(se.Keys, want) {
		t.Errorf("keys = %q, want %q", se.Keys, want)
	}
	want := "Pulumi.corp.yaml holds secure values an offline run cannot decrypt: ai-ready:vpnSharedKey, ai-ready:jumpbox.adminPasswords[0]. " +
		"They are encrypted with the stack's own secrets provider, which the offline harness does not use (it runs with its own passphrase); " +
		"for an offline run give them plain placeholder values in a copy of the file (scripts/preview -config <copy>) or leave them out"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
}

func TestPortableConfigRefusesOtherFiles(t *testing.T) {
	for in, want := range map[string]string{
		"- a\n- b\n":  "the top level is not a mapping",
		"config: [\n": "not a stack config file",
	} {
		if _, err := PortableConfig("Pulumi.x.yaml", []byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("PortableConfig(%q) error %v, want %q", in, err, want)
		}
	}
}
