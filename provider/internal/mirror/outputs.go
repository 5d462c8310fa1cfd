package mirror

import (
	"fmt"
	"reflect"
)

// Outputs sets each schema field of dst (a pointer to a provider output struct) to
// the library component's field of the same Go name.
func Outputs(dst, src any) error {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src)
	for s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	for i := range d.NumField() {
		f := d.Type().Field(i)
		if _, ok := SchemaName(f); !ok {
			continue
		}
		sf := s.FieldByName(f.Name)
		if !sf.IsValid() || !sf.Type().AssignableTo(f.Type) {
			return fmt.Errorf("mirror.Outputs: %s has no output %s of type %s", s.Type(), f.Name, f.Type)
		}
		d.Field(i).Set(sf)
	}
	return nil
}
