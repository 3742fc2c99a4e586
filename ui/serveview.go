package ui

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/server"
)

// serveView switches the selected profile's local token endpoint on and
// off, and shows what an app needs to use it: the two variables with which
// an Azure SDK's DefaultAzureCredential finds a managed identity, each with
// a copy button. The app then gets short-lived tokens while the secret
// stays in aztoken.
type serveView struct {
	ctrl   endpoints
	copier *copier

	on                       *serveSwitch
	port                     *field
	endpoint, header, served *widget.Label
	copyEndpoint, copyHeader *tipButton
	copyExports              *widget.Button
	details                  *fyne.Container
	errors                   *errorPanel

	shownFor profiles.ID
}

// endpoints is what the Serve view asks of the controller.
type endpoints interface {
	selectedProfile() (profiles.Profile, bool)
	server(profiles.ID) (*tokenServer, bool)
	serverStarting(profiles.ID) bool
	serverErr(profiles.ID) error
	startServer(profiles.Profile, int)
	switchOff(profiles.ID)
}

func newServeView(ctrl endpoints, cp *copier) *serveView {
	return &serveView{ctrl: ctrl, copier: cp}
}

func (v *serveView) build() fyne.CanvasObject {
	v.on = newServeSwitch("Serve tokens on 127.0.0.1", v.toggle)
	v.port = newField("", placeholderEntry("0 picks a free port"), checkPort, func() {})
	v.endpoint = &widget.Label{Selectable: true, TextStyle: fyne.TextStyle{Monospace: true}}
	v.header = &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}}
	v.served = &widget.Label{Importance: widget.LowImportance}
	v.copyEndpoint = newTipButton(theme.ContentCopyIcon(), "Copy IDENTITY_ENDPOINT", func() { v.copyFrom(&v.copyEndpoint.Button, (*server.Server).Endpoint) })
	v.copyHeader = newTipButton(theme.ContentCopyIcon(), "Copy IDENTITY_HEADER", func() { v.copyFrom(&v.copyHeader.Button, (*server.Server).Header) })
	v.copyExports = &widget.Button{Text: "Copy both as export lines", Icon: theme.ContentCopyIcon(), OnTapped: func() { v.copyFrom(v.copyExports, (*server.Server).Exports) }}
	v.details = container.New(layout.NewFormLayout(),
		widget.NewLabel("IDENTITY_ENDPOINT"), container.NewBorder(nil, nil, nil, v.copyEndpoint, v.endpoint),
		widget.NewLabel("IDENTITY_HEADER"), container.NewBorder(nil, nil, nil, v.copyHeader, v.header),
		widget.NewLabel(""), container.NewHBox(v.copyExports),
		widget.NewLabel(""), v.served,
	)
	v.details.Hide()
	v.errors = newErrorPanelFor("The token endpoint is not serving", v.copier, v.failure)
	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance, Text: "An app using an Azure SDK's DefaultAzureCredential or " +
		"ManagedIdentityCredential gets this profile's tokens from here once it has the two variables below. " +
		"Only programs on this computer can ask, and only with the header value, which is new each time the endpoint starts."}
	return formScroll(container.NewVBox(
		v.on, intro,
		container.New(layout.NewFormLayout(), widget.NewLabel("Port"), v.port.cell()),
		v.errors.build(), v.details,
	))
}

// apply shows the selected profile's endpoint.
func (v *serveView) apply() {
	p, ok := v.ctrl.selectedProfile()
	ts, running := v.ctrl.server(p.ID)
	starting := v.ctrl.serverStarting(p.ID)
	switch {
	case running:
		v.port.set(portOf(ts.srv))
	case p.ID != v.shownFor:
		v.port.set("")
	}
	v.shownFor = p.ID
	v.on.SetChecked(running || starting)
	enable(v.on, ok && !starting)
	enable(v.port.entry, ok && !running && !starting)
	var busy *server.PortInUseError
	if err := v.ctrl.serverErr(p.ID); errors.As(err, &busy) && v.port.entry.Text == strconv.Itoa(busy.Port) {
		v.port.show(err)
	}
	v.errors.apply()
	setShown(v.details, running)
	if running {
		v.endpoint.SetText(ts.srv.Endpoint())
		v.header.SetText(shorten(ts.srv.Header()))
	}
	v.tick()
}

// tick shows how many tokens the endpoint has handed out.
func (v *serveView) tick() {
	if ts, ok := v.ctrl.server(v.shownFor); ok {
		setLabel(v.served, fmt.Sprintf("Tokens served: %d", ts.served.Load()), widget.LowImportance)
	}
}

// failure is why the endpoint is off, unless the port field says it.
func (v *serveView) failure() error {
	err := v.ctrl.serverErr(v.shownFor)
	var busy *server.PortInUseError
	if errors.As(err, &busy) {
		return nil
	}
	return err
}

// toggle is a tap on the switch: it starts or stops the endpoint, and the
// switch follows when the controller has.
func (v *serveView) toggle() {
	p, ok := v.ctrl.selectedProfile()
	if !ok {
		return
	}
	if v.on.Checked {
		v.ctrl.switchOff(p.ID)
		return
	}
	port, err := parsePort(v.port.entry.Text)
	v.port.show(err)
	if err == nil {
		v.ctrl.startServer(p, port)
	}
}

// serveSwitch is the endpoint's on/off switch. A tap only asks; apply
// sets the mark from what the controller did. A plain Check redraws
// itself after its OnChanged has returned, which would race with the
// start it began.
type serveSwitch struct {
	widget.Check
	onTap func()
}

func newServeSwitch(text string, onTap func()) *serveSwitch {
	s := &serveSwitch{onTap: onTap}
	s.Text = text
	s.ExtendBaseWidget(s)
	return s
}

// Tapped asks to switch.
func (s *serveSwitch) Tapped(*fyne.PointEvent) {
	if !s.Disabled() {
		s.onTap()
	}
}

// TypedRune switches with the space bar, as a Check does.
func (s *serveSwitch) TypedRune(r rune) {
	if r == ' ' {
		s.Tapped(nil)
	}
}

// copyFrom copies what value says of the running endpoint.
func (v *serveView) copyFrom(b *widget.Button, value func(*server.Server) string) {
	if ts, ok := v.ctrl.server(v.shownFor); ok {
		v.copier.copy(b, value(ts.srv))
	}
}

// parsePort reads the port field: empty is 0, any free port.
func parsePort(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	port, err := strconv.Atoi(s)
	if err != nil || port < 0 || port > 65535 {
		return 0, fieldMessage("A port is a number from 1 to 65535; 0 or empty picks a free one")
	}
	return port, nil
}

func checkPort(s string) error {
	_, err := parsePort(s)
	return err
}

// portOf is the port a running endpoint listens on.
func portOf(srv *server.Server) string {
	_, port, _ := net.SplitHostPort(srv.Addr())
	return port
}
