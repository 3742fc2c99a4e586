package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/setupcheck"
)

// checkView walks the selected profile's setup step by step with
// setupcheck.Check, so that the user learns which portal step was missed
// rather than only that a call failed. Each step appears as it is decided;
// the report goes to the clipboard for a ticket, never with the secret.
type checkView struct {
	ctrl   setupChecker
	copier *copier

	run, cancel, copyReport *widget.Button
	intro                   *widget.Label
	steps                   *fyne.Container
	rows                    []*checkRow
	errors                  *errorPanel

	shownFor profiles.ID
	running  bool
	stop     context.CancelFunc
	// runs counts the checks started, so that a cancelled check's late
	// steps are not shown under the next one.
	runs   int
	report *setupcheck.Report
	// err is why the check could not start, such as a missing secret.
	err error
}

// checkRow is one step of the checklist.
type checkRow struct {
	mark, title, detail, fix *widget.Label
	box                      *fyne.Container
}

// setupChecker is what the setup check asks of the controller.
type setupChecker interface {
	selectedProfile() (profiles.Profile, bool)
	checkSetup(p profiles.Profile, onStep func(int, setupcheck.Step), done func(setupcheck.Report, error)) context.CancelFunc
}

func newCheckView(ctrl setupChecker, cp *copier) *checkView {
	return &checkView{ctrl: ctrl, copier: cp}
}

func (v *checkView) build() fyne.CanvasObject {
	v.run = &widget.Button{Text: "Check the setup", Icon: theme.MediaPlayIcon(), Importance: widget.HighImportance, OnTapped: v.start}
	v.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: v.cancelCheck}
	v.copyReport = &widget.Button{Text: "Copy report", Icon: theme.ContentCopyIcon(), OnTapped: v.copy}
	v.intro = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance, Text: "Walks the app registration from its tenant to its role on the profile's " +
		"subscription, one step at a time, and says which portal step is missing. The report holds IDs and claims, never the secret or the token."}
	v.steps = container.NewVBox()
	v.errors = newErrorPanelFor("The check could not start", v.copier, func() error { return v.err })
	return container.NewVScroll(container.NewVBox(
		container.NewHBox(v.run, v.cancel, v.copyReport), v.intro, v.errors.build(), v.steps,
	))
}

// apply follows the selected profile and keeps the buttons in step.
func (v *checkView) apply() {
	p, ok := v.ctrl.selectedProfile()
	if p.ID != v.shownFor {
		v.shownFor = p.ID
		if v.stop != nil {
			v.stop()
		}
		v.clear()
	}
	enable(v.run, ok && !v.running)
	enable(v.cancel, v.running)
	enable(v.copyReport, v.report != nil && !v.running)
	v.errors.apply()
}

// clear forgets the last check.
func (v *checkView) clear() {
	v.runs++
	v.running, v.report, v.err = false, nil, nil
	for _, r := range v.rows {
		r.box.Hide()
	}
}

// start checks the selected profile; each step shows as soon as it is
// decided.
func (v *checkView) start() {
	p, ok := v.ctrl.selectedProfile()
	if !ok || v.running {
		return
	}
	v.clear()
	v.running = true
	run := v.runs
	v.stop = v.ctrl.checkSetup(p,
		func(i int, s setupcheck.Step) {
			if run == v.runs {
				v.showStep(i, s)
			}
		},
		func(rep setupcheck.Report, err error) {
			if run != v.runs {
				return
			}
			v.running, v.err = false, err
			if err == nil && len(rep.Steps) > 0 {
				v.report = &rep
			}
		})
}

func (v *checkView) cancelCheck() {
	if v.stop != nil {
		v.stop()
	}
}

// showStep puts step i in its row, making the row on first use.
func (v *checkView) showStep(i int, s setupcheck.Step) {
	for len(v.rows) <= i {
		r := &checkRow{
			mark:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
			title:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
			detail: &widget.Label{Wrapping: fyne.TextWrapWord, Selectable: true},
			fix:    &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance},
		}
		r.box = container.NewBorder(nil, nil, container.NewVBox(r.mark), nil, container.NewVBox(r.title, r.detail, r.fix))
		v.rows = append(v.rows, r)
		v.steps.Add(r.box)
	}
	r := v.rows[i]
	r.mark.Importance = stepImportance[s.Status]
	r.mark.SetText(s.Status.Symbol())
	r.title.SetText(s.Title)
	r.detail.SetText(s.Detail)
	r.fix.SetText(s.Fix)
	setShown(r.fix, s.Fix != "")
	r.box.Show()
}

// stepImportance colours a step's mark.
var stepImportance = map[setupcheck.Status]widget.Importance{
	setupcheck.Pass:   widget.SuccessImportance,
	setupcheck.Warn:   widget.WarningImportance,
	setupcheck.Fail:   widget.DangerImportance,
	setupcheck.NotRun: widget.LowImportance,
}

func (v *checkView) copy() {
	if v.report != nil {
		v.copier.copy(v.copyReport, v.report.Text())
	}
}
