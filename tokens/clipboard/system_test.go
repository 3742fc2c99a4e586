package clipboard

import (
	"errors"
	"strings"
	"testing"

	"github.com/atotto/clipboard"
)

func TestMissingToolNamesWhatToInstall(t *testing.T) {
	saved := clipboard.Unsupported
	clipboard.Unsupported = true
	defer func() { clipboard.Unsupported = saved }()
	err := System{}.WriteAll("x")
	if !errors.Is(err, ErrNoTool) || !strings.Contains(err.Error(), "xclip") {
		t.Errorf("err = %v", err)
	}
	if _, err := (System{}).ReadAll(); !errors.Is(err, ErrNoTool) {
		t.Errorf("read err = %v", err)
	}
}
