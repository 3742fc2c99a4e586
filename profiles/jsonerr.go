package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// describeJSON words a decoding error for a person looking at the file:
// where the problem is (line and column, which editors show) and what it
// is. It never quotes the file's content.
func describeJSON(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return fmt.Sprintf("not JSON: %s (line %d, column %d)", se.Error(), line, col)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := position(data, te.Offset)
		return fmt.Sprintf("wrong shape: %q should be %s, not a %s (line %d, column %d)",
			te.Field, jsonKind(te.Type.Kind().String()), te.Value, line, col)
	}
	return err.Error()
}

// jsonKind names a Go kind the way JSON does.
func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "text"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a number"
}

// position turns the offset encoding/json reports, which is just past the
// offending byte, into the 1-based line and column of that byte.
func position(data []byte, offset int64) (line, col int) {
	offset = min(max(offset-1, 0), int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}
