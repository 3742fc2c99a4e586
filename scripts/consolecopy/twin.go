package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
)

// Offsets of the fields changed, the same in PE32 and PE32+ optional
// headers, from the start of that header.
const (
	checkSumOffset  = 64
	subsystemOffset = 68
)

// consoleTwin returns a copy of exe, a GUI-subsystem PE executable, whose
// Subsystem says console. It refuses anything else, so a wrong input never
// yields a file that looks right and is not.
func consoleTwin(exe []byte) ([]byte, error) {
	f, err := pe.NewFile(bytes.NewReader(exe))
	if err != nil {
		return nil, fmt.Errorf("not a Windows executable: %w", err)
	}
	var subsystem uint16
	var security pe.DataDirectory
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		subsystem, security = h.Subsystem, h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_SECURITY]
	case *pe.OptionalHeader32:
		subsystem, security = h.Subsystem, h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_SECURITY]
	default:
		return nil, errors.New("a PE file without an optional header (an object file, not an executable)")
	}
	if subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return nil, fmt.Errorf("subsystem %d, not GUI (%d): build it with -H=windowsgui or the fyne tool",
			subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	// Changing a byte breaks an Authenticode signature: sign both files
	// after making the twin instead.
	if security.Size != 0 {
		return nil, errors.New("signed (Authenticode); make the console twin first, then sign both")
	}

	// debug/pe parsed the headers, so the offsets below are inside exe:
	// the optional header follows the "PE\0\0" signature and the file
	// header.
	opt := int(binary.LittleEndian.Uint32(exe[0x3c:])) + 4 + binary.Size(pe.FileHeader{})
	twin := bytes.Clone(exe)
	binary.LittleEndian.PutUint16(twin[opt+subsystemOffset:], pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	// A checksum would no longer match; zero means "none", what Go's own
	// linker writes. (With cgo, MinGW's ld writes one, but go build
	// stamps the build ID after it, so the exe's is stale already.)
	binary.LittleEndian.PutUint32(twin[opt+checkSumOffset:], 0)
	return twin, nil
}
