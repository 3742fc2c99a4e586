package profiles

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ReadImportFile reads the file at path for ParseImport. Only a regular
// file is opened: a folder, a named pipe, a device or a socket is refused
// by its type before anything is read (a pipe with no writer would wait
// forever, a device might never end), and so is a file larger than
// MaxImportSize, by its size. The file is opened without waiting and
// checked again once open, in case it was swapped meanwhile.
func ReadImportFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := importable(path, info); err != nil {
		return nil, err
	}
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !os.SameFile(info, opened) {
		return nil, fmt.Errorf("%s changed while it was being opened; try again", path)
	}
	if err := importable(path, opened); err != nil {
		return nil, err
	}
	// One byte more than allowed, so that a file that grew is refused too.
	data, err := io.ReadAll(io.LimitReader(f, MaxImportSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxImportSize {
		return nil, tooLarge(int64(len(data)))
	}
	return data, nil
}

// importable refuses what is not a regular file of an import's size.
func importable(path string, info fs.FileInfo) error {
	mode := info.Mode()
	if !mode.IsRegular() {
		return fmt.Errorf("%s is %s, not a file: import reads a file saved by aztoken or Postman", path, kindOf(mode))
	}
	if info.Size() > MaxImportSize {
		return tooLarge(info.Size())
	}
	return nil
}

// kindOf names what a path that is not a regular file is.
func kindOf(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "something else"
}

// tooLarge is the problem of an import file over MaxImportSize.
func tooLarge(size int64) error {
	return fmt.Errorf("the file is too large (%d KiB); an import file is at most %d KiB", size>>10, MaxImportSize>>10)
}
