package standin

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// EnvCloud names an environment variable holding the directory of the stand-in's
// cloud: what "exists in Azure" across provider processes. Unset, the cloud lives in
// $PULUMI_HOME/aiready-standin-cloud, so each hermetic stack has its own.
const EnvCloud = "AIREADY_STANDIN_CLOUD"

// Cloud records the resources the stand-in has created, one JSON file per resource
// id, so that a later provider process (the next preview, up or refresh) can answer
// what Azure would know: functions that list a resource's children, and side
// effects of one resource on another (a shared private link's Pending connection
// on its target).
type Cloud struct {
	dir string
}

// CloudRecord is one resource in the cloud.
type CloudRecord struct {
	ID     string                 `json:"id"`
	Token  string                 `json:"token"`
	Inputs map[string]interface{} `json:"inputs"`
}

// OpenCloud returns the cloud of this environment, or nil when neither
// $AIREADY_STANDIN_CLOUD nor $PULUMI_HOME is set.
func OpenCloud() *Cloud {
	dir := os.Getenv(EnvCloud)
	if dir == "" {
		home := os.Getenv("PULUMI_HOME")
		if home == "" {
			return nil
		}
		dir = filepath.Join(home, "aiready-standin-cloud")
	}
	return &Cloud{dir: dir}
}

func (c *Cloud) path(id string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(id)))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:12])+".json")
}

// Put records a resource as created or updated.
func (c *Cloud) Put(id, token string, inputs resource.PropertyMap) error {
	if c == nil || id == "" {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("stand-in cloud: %w", err)
	}
	b, err := json.Marshal(CloudRecord{ID: id, Token: token, Inputs: plainMap(inputs).Mappable()})
	if err != nil {
		return fmt.Errorf("stand-in cloud: recording %s: %w", id, err)
	}
	tmp := c.path(id) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("stand-in cloud: %w", err)
	}
	return os.Rename(tmp, c.path(id))
}

// Delete forgets a resource.
func (c *Cloud) Delete(id string) error {
	if c == nil || id == "" {
		return nil
	}
	if err := os.Remove(c.path(id)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("stand-in cloud: %w", err)
	}
	return nil
}

// List returns the records of the resources of a type token (any API-version
// module), sorted by id.
func (c *Cloud) List(token string) ([]CloudRecord, error) {
	if c == nil {
		return nil, nil
	}
	files, err := filepath.Glob(filepath.Join(c.dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("stand-in cloud: %w", err)
	}
	want := parseToken(token).key()
	var out []CloudRecord
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("stand-in cloud: %w", err)
		}
		var r CloudRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("stand-in cloud: %s: %w", f, err)
		}
		if parseToken(r.Token).key() == want {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
