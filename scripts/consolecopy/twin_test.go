package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeExe lays out the headers of a PE executable with no sections, enough
// for debug/pe and for the fields consoleTwin reads and writes.
func fakeExe(t *testing.T, pe64 bool, subsystem uint16, signed bool) []byte {
	t.Helper()
	var b bytes.Buffer
	dos := make([]byte, 0x40)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 0x40)
	b.Write(dos)
	b.WriteString("PE\x00\x00")
	var security pe.DataDirectory
	if signed {
		security = pe.DataDirectory{VirtualAddress: 0x1000, Size: 0x200}
	}
	var opt any
	machine := uint16(pe.IMAGE_FILE_MACHINE_AMD64)
	if pe64 {
		h := &pe.OptionalHeader64{Magic: 0x20b, Subsystem: subsystem, CheckSum: 0x5a5a, NumberOfRvaAndSizes: 16}
		h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_SECURITY] = security
		opt = h
	} else {
		machine = pe.IMAGE_FILE_MACHINE_I386
		h := &pe.OptionalHeader32{Magic: 0x10b, Subsystem: subsystem, CheckSum: 0x5a5a, NumberOfRvaAndSizes: 16}
		h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_SECURITY] = security
		opt = h
	}
	fh := pe.FileHeader{Machine: machine, SizeOfOptionalHeader: uint16(binary.Size(opt))}
	for _, v := range []any{fh, opt} {
		if err := binary.Write(&b, binary.LittleEndian, v); err != nil {
			t.Fatal(err)
		}
	}
	b.WriteString("the code and resources, which the twin shares byte for byte")
	return b.Bytes()
}

func subsystemOf(t *testing.T, exe []byte) uint16 {
	t.Helper()
	f, err := pe.NewFile(bytes.NewReader(exe))
	if err != nil {
		t.Fatal(err)
	}
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		return h.Subsystem
	case *pe.OptionalHeader32:
		return h.Subsystem
	}
	t.Fatal("no optional header")
	return 0
}

// The packager's aztoken.exe becomes an aztoken.com that Windows runs in a
// console, and nothing else about it changes.
func TestConsoleTwinOfAGUIExeChangesOnlyItsSubsystem(t *testing.T) {
	t.Parallel()
	for _, pe64 := range []bool{true, false} {
		exe := fakeExe(t, pe64, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, false)
		twin, err := consoleTwin(exe)
		if err != nil {
			t.Fatalf("PE32+ %v: %v", pe64, err)
		}
		if got := subsystemOf(t, twin); got != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
			t.Errorf("PE32+ %v: the twin's subsystem is %d, want console (3)", pe64, got)
		}
		if got := subsystemOf(t, exe); got != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
			t.Errorf("PE32+ %v: the original changed to subsystem %d", pe64, got)
		}
		// Only the subsystem and the stale checksum may differ.
		opt := 0x40 + 4 + 20
		allowed := map[int]bool{}
		for i := 0; i < 2; i++ {
			allowed[opt+subsystemOffset+i] = true
		}
		for i := 0; i < 4; i++ {
			allowed[opt+checkSumOffset+i] = true
		}
		if len(twin) != len(exe) {
			t.Fatalf("PE32+ %v: the twin has %d bytes, the exe %d", pe64, len(twin), len(exe))
		}
		for i := range exe {
			if exe[i] != twin[i] && !allowed[i] {
				t.Errorf("PE32+ %v: byte %#x differs", pe64, i)
			}
		}
		if sum := binary.LittleEndian.Uint32(twin[opt+checkSumOffset:]); sum != 0 {
			t.Errorf("PE32+ %v: the twin keeps the checksum %#x, which no longer matches", pe64, sum)
		}
	}
}

func TestConsoleTwinRefusesWhatItCannotCopyFaithfully(t *testing.T) {
	t.Parallel()
	tests := []struct {
		input []byte
		want  string
	}{
		{fakeExe(t, true, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI, false), "subsystem 3, not GUI"},
		{fakeExe(t, true, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, true), "signed (Authenticode)"},
		{[]byte("#!/bin/sh\necho a Linux build\n"), "not a Windows executable"},
	}
	for _, tt := range tests {
		if _, err := consoleTwin(tt.input); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want one saying %q", err, tt.want)
		}
	}
}

func TestRunWritesTheTwinBesideTheExe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	exe, com := filepath.Join(dir, "aztoken.exe"), filepath.Join(dir, "aztoken.com")
	if err := os.WriteFile(exe, fakeExe(t, true, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, false), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := run(exe, com); err != nil {
		t.Fatal(err)
	}
	twin, err := os.ReadFile(com)
	if err != nil {
		t.Fatal(err)
	}
	if got := subsystemOf(t, twin); got != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("aztoken.com has subsystem %d, want console (3)", got)
	}
	if err := run(com, filepath.Join(dir, "again.com")); err == nil || !strings.Contains(err.Error(), "aztoken.com: subsystem 3") {
		t.Errorf("a console exe as input: %v, want an error naming the file and its subsystem", err)
	}
}
