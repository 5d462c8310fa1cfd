package mirror

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

var (
	durationType = reflect.TypeFor[time.Duration]()
	anyMapType   = reflect.TypeFor[map[string]any]()
)

// Convert copies src, a provider input value, into dst, a pointer to the library
// value it mirrors. Fields are matched by Go name; a library field without a
// provider counterpart keeps its zero value (Coverage lists them for the tests).
func Convert(dst, src any) error {
	d := reflect.ValueOf(dst)
	if d.Kind() != reflect.Pointer || d.IsNil() {
		return fmt.Errorf("mirror.Convert: dst must be a non-nil pointer, got %T", dst)
	}
	return convert(d.Elem(), reflect.ValueOf(src), "")
}

func convert(dst, src reflect.Value, path string) error {
	if !src.IsValid() || isNilish(src) {
		return nil
	}
	if src.Type() == dst.Type() {
		dst.Set(src)
		return nil
	}
	if src.Kind() == reflect.Pointer && dst.Kind() != reflect.Pointer {
		return convert(dst, src.Elem(), path)
	}
	switch {
	case dst.Type() == durationType && isInt(src.Kind()):
		dst.SetInt(src.Int() * int64(time.Second))
		return nil
	case dst.Type() == anyMapType && src.Kind() == reflect.Struct:
		dst.Set(reflect.ValueOf(namedValues(src)))
		return nil
	case dst.Kind() == reflect.Interface && src.Type().Implements(dst.Type()):
		dst.Set(src)
		return nil
	}
	switch dst.Kind() {
	case reflect.Pointer:
		v := reflect.New(dst.Type().Elem())
		if err := convert(v.Elem(), src, path); err != nil {
			return err
		}
		dst.Set(v)
		return nil
	case reflect.Struct:
		return convertStruct(dst, src, path)
	case reflect.Slice:
		return convertSlice(dst, src, path)
	case reflect.Map:
		return convertMap(dst, src, path)
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		if src.Kind() == dst.Kind() {
			dst.Set(src.Convert(dst.Type()))
			return nil
		}
	}
	return fmt.Errorf("mirror.Convert: %s: cannot copy a %s into a %s", display(path), src.Type(), dst.Type())
}

func convertStruct(dst, src reflect.Value, path string) error {
	if src.Kind() != reflect.Struct {
		return fmt.Errorf("mirror.Convert: %s: cannot copy a %s into the struct %s", display(path), src.Type(), dst.Type())
	}
	for i := range dst.NumField() {
		f := dst.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		sf := src.FieldByName(f.Name)
		if !sf.IsValid() {
			continue
		}
		if err := convert(dst.Field(i), sf, join(path, f.Name)); err != nil {
			return err
		}
	}
	return nil
}

func convertSlice(dst, src reflect.Value, path string) error {
	if src.Kind() != reflect.Slice && src.Kind() != reflect.Array {
		return fmt.Errorf("mirror.Convert: %s: cannot copy a %s into a %s", display(path), src.Type(), dst.Type())
	}
	out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
	for i := range src.Len() {
		if err := convert(out.Index(i), src.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	dst.Set(out)
	return nil
}

func convertMap(dst, src reflect.Value, path string) error {
	if src.Kind() != reflect.Map {
		return fmt.Errorf("mirror.Convert: %s: cannot copy a %s into a %s", display(path), src.Type(), dst.Type())
	}
	out := reflect.MakeMapWithSize(dst.Type(), src.Len())
	iter := src.MapRange()
	for iter.Next() {
		k := reflect.New(dst.Type().Key()).Elem()
		if err := convert(k, iter.Key(), path); err != nil {
			return err
		}
		v := reflect.New(dst.Type().Elem()).Elem()
		if err := convert(v, iter.Value(), fmt.Sprintf("%s[%q]", path, iter.Key().String())); err != nil {
			return err
		}
		out.SetMapIndex(k, v)
	}
	dst.Set(out)
	return nil
}

// namedValues turns a struct of named values into a map keyed by their schema
// names, leaving out the values not set.
func namedValues(src reflect.Value) map[string]any {
	out := map[string]any{}
	for i := range src.NumField() {
		f := src.Type().Field(i)
		name, ok := SchemaName(f)
		if !ok || isNilish(src.Field(i)) || src.Field(i).IsZero() {
			continue
		}
		out[name] = src.Field(i).Interface()
	}
	return out
}

// SchemaName is the schema name of a provider field: its pulumi tag's name.
func SchemaName(f reflect.StructField) (string, bool) {
	tag, ok := f.Tag.Lookup("pulumi")
	if !ok || !f.IsExported() {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	return name, name != ""
}

func isNilish(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return v.IsNil()
	}
	return false
}

func isInt(k reflect.Kind) bool {
	return k == reflect.Int || k == reflect.Int32 || k == reflect.Int64
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func display(path string) string {
	if path == "" {
		return "the args"
	}
	return path
}
