package azpolicy

// JSONError returns a JSON decoding error of data with the line and column it
// occurred at ("invalid JSON at line 3, column 7: ..."), as Export's errors
// give them, for callers that read other JSON files beside an export.
func JSONError(data []byte, err error) error { return locateJSONError(data, err) }
