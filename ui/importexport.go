package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
)

// importFile lets the user pick an aztoken export or a Postman environment
// or collection, and imports it.
func (a *profileActions) importFile() {
	if a.ctrl.readOnly() != nil {
		return
	}
	a.form.guard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				a.showError(err)
				return
			}
			if r == nil {
				return // the user closed the dialog
			}
			data, err := readImport(r)
			if err != nil {
				a.showError(fmt.Errorf("cannot import %s: %w", r.URI().Name(), err))
				return
			}
			a.importData(data, r.URI().Name())
		}, a.win)
		d.SetFilter(importFilter{})
		d.Show()
	}, nil)
}

// importFilter lists only regular .json files in the open dialog: the
// dialog opens what is chosen before aztoken sees it, and opening a named
// pipe with no writer would hang the window.
type importFilter struct{}

// Matches reports whether u is a .json file that is a regular file.
func (importFilter) Matches(u fyne.URI) bool {
	if !strings.EqualFold(u.Extension(), ".json") {
		return false
	}
	if u.Scheme() != "file" {
		return true
	}
	info, err := os.Stat(u.Path())
	return err == nil && info.Mode().IsRegular()
}

// readImport reads the chosen file as the CLI does, through
// profiles.ReadImportFile, which refuses anything but a regular file of an
// import's size; a file from elsewhere (a portal's URI) is read capped.
func readImport(r fyne.URIReadCloser) ([]byte, error) {
	defer r.Close()
	if r.URI().Scheme() == "file" {
		return profiles.ReadImportFile(r.URI().Path())
	}
	// ParseImport refuses anything larger; one byte more lets it.
	return io.ReadAll(io.LimitReader(r, profiles.MaxImportSize+1))
}

// importData imports a file's contents, asking about every name that is
// taken.
func (a *profileActions) importData(data []byte, name string) {
	imp, err := profiles.ParseImport(data)
	if err != nil {
		a.showError(fmt.Errorf("cannot import %s: %w", name, err))
		return
	}
	a.askClashes(imp, a.ctrl.importPlan(imp), map[int]profiles.Decision{})
}

// askClashes asks, one name at a time, whether to rename or skip an
// imported profile whose name is taken, then imports. Imports never
// overwrite, so there is no third choice but to cancel.
func (a *profileActions) askClashes(imp *profiles.Import, clashes []profiles.Clash, decisions map[int]profiles.Decision) {
	if len(clashes) == 0 {
		a.ctrl.applyImport(imp, decisions, func(added []profiles.Profile, err error) {
			a.imported(imp, decisions, added, err)
		})
		return
	}
	c := clashes[0]
	msg := widget.NewLabel(fmt.Sprintf("A profile named %q exists already.\nImport this one as %q, or skip it?", c.Name, c.Suggestion))
	d := dialog.NewCustomWithoutButtons("Name in use", msg, a.win)
	decide := func(dec profiles.Decision) func() {
		return func() {
			d.Hide()
			decisions[c.Index] = dec
			a.askClashes(imp, clashes[1:], decisions)
		}
	}
	rename := &widget.Button{Text: "Rename", Importance: widget.HighImportance, OnTapped: decide(profiles.Rename(c.Suggestion))}
	d.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: "Cancel import", OnTapped: d.Hide},
		&widget.Button{Text: "Skip", OnTapped: decide(profiles.Skip())},
		rename,
	})
	answerKeys(a.win, d, tapper(rename), d.Hide)
	d.Show()
}

// imported reports an import. A name taken meanwhile (by another process,
// or by a rename) is asked about again.
func (a *profileActions) imported(imp *profiles.Import, decisions map[int]profiles.Decision, added []profiles.Profile, err error) {
	var clash *profiles.ClashError
	if errors.As(err, &clash) {
		a.askClashes(imp, clash.Clashes, decisions)
		return
	}
	if err != nil {
		a.showError(err)
		return
	}
	lines := []string{fmt.Sprintf("Imported %d of %d profile(s) from a %s.", len(added), len(imp.Candidates), imp.Format)}
	for _, c := range imp.Candidates {
		if c.Warning != "" {
			lines = append(lines, c.Profile.Name+": "+c.Warning+".")
		}
	}
	if len(added) > 0 {
		a.open(added[0].ID)
	}
	d := dialog.NewInformation("Import", strings.Join(lines, "\n"), a.win)
	answerKeys(a.win, d, d.Hide, d.Hide)
	d.Show()
}

// exportFile saves every profile, without secrets, for a team to import.
func (a *profileActions) exportFile() {
	if len(a.ctrl.profiles()) == 0 {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		if wc == nil {
			return // the user closed the dialog
		}
		err = a.export(wc)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			a.showError(err)
		}
	}, a.win)
	d.SetFileName("aztoken-profiles.json")
	d.Show()
}

// export writes every profile to out; profiles.Export leaves the secrets
// out.
func (a *profileActions) export(out io.Writer) error {
	return profiles.Export(out, a.ctrl.profiles())
}
