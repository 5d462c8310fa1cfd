package engine

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// secretsProviderKeys are the keys of a stack config file that belong to the secrets
// provider of the stack it was written for: `pulumi stack init` with a passphrase
// backend writes encryptionsalt, a cloud secrets provider secretsprovider and
// encryptedkey. A harness that runs the file with its own passphrase must drop them,
// or the CLI refuses it ("incorrect passphrase").
var secretsProviderKeys = []string{"encryptionsalt", "encryptedkey", "secretsprovider"}

// SecretsError reports config values encrypted by the stack's own secrets provider,
// which a run with the harness's passphrase cannot decrypt.
type SecretsError struct {
	// File is the config file.
	File string
	// Keys are the secure values' keys, with the path inside an object value
	// ("ai-ready:hybrid.vpn.sharedKey").
	Keys []string
}

func (e *SecretsError) Error() string {
	return fmt.Sprintf("%s holds secure values an offline run cannot decrypt: %s. They are encrypted with the stack's own secrets provider, "+
		"which the offline harness does not use (it runs with its own passphrase); for an offline run give them plain placeholder values "+
		"in a copy of the file (scripts/preview -config <copy>) or leave them out", e.File, strings.Join(e.Keys, ", "))
}

// PortableConfig returns a stack config file's contents for a run with the
// harness's own secrets provider: the secrets-provider keys
// (encryptionsalt, encryptedkey, secretsprovider) removed, everything else kept. It
// fails with a *SecretsError naming every `secure:` value, since the harness cannot
// decrypt them.
func PortableConfig(file string, data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: not a stack config file: %w", file, err)
	}
	if len(doc.Content) == 0 {
		return data, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not a stack config file: the top level is not a mapping", file)
	}
	var kept []*yaml.Node
	var secrets []string
	comment := "" // the comments above dropped keys move to the next key
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		if slices.Contains(secretsProviderKeys, key.Value) {
			comment = joinComments(comment, key.HeadComment)
			continue
		}
		key.HeadComment, comment = joinComments(comment, key.HeadComment), ""
		if key.Value == "config" && val.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(val.Content); j += 2 {
				secrets = append(secrets, secureValues(val.Content[j].Value, val.Content[j+1])...)
			}
		}
		kept = append(kept, key, val)
	}
	if len(secrets) > 0 {
		return nil, &SecretsError{File: file, Keys: secrets}
	}
	if len(kept) == len(top.Content) {
		return data, nil
	}
	top.Content = kept
	top.FootComment = joinComments(comment, top.FootComment)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("%s: writing the config without its secrets provider: %w", file, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("%s: writing the config without its secrets provider: %w", file, err)
	}
	return b.Bytes(), nil
}

func joinComments(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

// secureValues lists the `secure:` values of one config value, by path.
func secureValues(path string, n *yaml.Node) []string {
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 2 && n.Content[0].Value == "secure" && n.Content[1].Kind == yaml.ScalarNode {
			return []string{path}
		}
		var out []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			out = append(out, secureValues(path+"."+n.Content[i].Value, n.Content[i+1])...)
		}
		return out
	case yaml.SequenceNode:
		var out []string
		for i, e := range n.Content {
			out = append(out, secureValues(path+"["+strconv.Itoa(i)+"]", e)...)
		}
		return out
	}
	return nil
}
