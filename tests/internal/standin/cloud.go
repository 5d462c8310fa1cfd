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
	// ID is the resource's ARM id.
	ID string `json:"id"`
	// Token is the azure-native type token it was created with.
	Token string `json:"token"`
	// URN is the Pulumi resource that created it ("" when unknown, e.g. seeded).
	URN string `json:"urn,omitempty"`
	// Inputs are its properties as Azure holds them: the inputs it was last
	// written with (plain values, no secrets), or what an out-of-band change made
	// of them.
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
		dir = CloudDir(home)
	}
	return &Cloud{dir: dir}
}

// CloudAt returns the cloud kept in dir (a stack's $PULUMI_HOME/aiready-standin-cloud).
func CloudAt(dir string) *Cloud { return &Cloud{dir: dir} }

// CloudDir returns where the cloud of a PULUMI_HOME lives when $AIREADY_STANDIN_CLOUD
// is unset.
func CloudDir(pulumiHome string) string { return filepath.Join(pulumiHome, "aiready-standin-cloud") }

func (c *Cloud) path(id string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(id)))
	return filepath.Join(c.dir, hex.EncodeToString(sum[:12])+".json")
}

// Put records a resource as created or updated.
func (c *Cloud) Put(id, token string, inputs resource.PropertyMap) error {
	return c.Write(CloudRecord{ID: id, Token: token, Inputs: cloudInputs(inputs)})
}

// cloudInputs turns a resource's inputs into what Azure holds: plain JSON values.
func cloudInputs(inputs resource.PropertyMap) map[string]interface{} {
	return unsecret(resource.NewProperty(plainMap(inputs))).ObjectValue().Mappable()
}

// Write records a resource as it is now in Azure.
func (c *Cloud) Write(r CloudRecord) error {
	if c == nil || r.ID == "" {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("stand-in cloud: %w", err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("stand-in cloud: recording %s: %w", r.ID, err)
	}
	tmp := c.path(r.ID) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("stand-in cloud: %w", err)
	}
	if err := os.Rename(tmp, c.path(r.ID)); err != nil {
		return fmt.Errorf("stand-in cloud: %w", err)
	}
	return nil
}

// Get returns the record of a resource id (compared as ARM does, ignoring case).
func (c *Cloud) Get(id string) (CloudRecord, bool, error) {
	if c == nil || id == "" {
		return CloudRecord{}, false, nil
	}
	b, err := os.ReadFile(c.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return CloudRecord{}, false, nil
	}
	if err != nil {
		return CloudRecord{}, false, fmt.Errorf("stand-in cloud: %w", err)
	}
	var r CloudRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return CloudRecord{}, false, fmt.Errorf("stand-in cloud: %s: %w", id, err)
	}
	return r, true, nil
}

// Edit changes a resource out of band, as someone in the Azure portal would: f
// edits its properties in place.
func (c *Cloud) Edit(id string, f func(inputs map[string]interface{}) error) error {
	r, ok, err := c.Get(id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("stand-in cloud: no resource %s to change", id)
	}
	if err := f(r.Inputs); err != nil {
		return fmt.Errorf("stand-in cloud: changing %s: %w", id, err)
	}
	return c.Write(r)
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
	all, err := c.All()
	if err != nil {
		return nil, err
	}
	want := parseToken(token).key()
	var out []CloudRecord
	for _, r := range all {
		if parseToken(r.Token).key() == want {
			out = append(out, r)
		}
	}
	return out, nil
}

// All returns every record, sorted by id.
func (c *Cloud) All() ([]CloudRecord, error) {
	if c == nil {
		return nil, nil
	}
	files, err := filepath.Glob(filepath.Join(c.dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("stand-in cloud: %w", err)
	}
	out := make([]CloudRecord, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("stand-in cloud: %w", err)
		}
		var r CloudRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("stand-in cloud: %s: %w", f, err)
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
