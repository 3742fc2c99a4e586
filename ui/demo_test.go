package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/ui/demo"
)

func TestDemoWindowSaysItIsTheDemoAndWorks(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	world, err := demo.Start(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer world.Close()
	clip := &fakeClipboard{}
	posts := newPostQueue()
	w := newMainWindow(test.NewTempApp(t), demoDeps(world, clip), posts.post)
	w.copier.flashFor = time.Hour // no timer may outlive the test
	defer w.close()

	if markup := test.RenderToMarkup(w.win.Canvas()); !strings.Contains(markup, "Demo: an emulated Azure") {
		t.Error("the window does not say it is the demo")
	}
	if n := len(w.list.shown); n != 5 {
		t.Fatalf("%d demo profiles, want 5", n)
	}
	for _, p := range w.list.shown {
		if want := p.Name == "Short-lived tokens"; w.ctrl.autoRefreshes(p) != want {
			t.Errorf("the demo's %q auto-refreshes: %v, want %v", p.Name, !want, want)
		}
	}
	for _, p := range w.list.shown {
		if p.Name == "Contoso dev" {
			w.acts.selectProfile(p.ID)
		}
	}
	test.Tap(w.token.get)
	posts.settle(t, func() bool { return w.ctrl.busy() != "" })
	test.Tap(w.token.copyHeader)
	if got, _ := clip.ReadAll(); !strings.HasPrefix(got, "Authorization: Bearer eyJ") {
		t.Errorf("the demo's first profile copied %q", got)
	}

	// Its tray menu, beside the user's own aztoken's, says whose it is;
	// and closing the window ends the demo even with a tray to hide in,
	// since its profiles go with it.
	w.applyTray(trayHost{bus: true, host: true})
	var labels []string
	for _, it := range w.tray.menu.Items {
		labels = append(labels, it.Label)
	}
	if !slices.Contains(labels, "Show aztoken demo") {
		t.Errorf("the demo's tray menu reads %q, want a Show aztoken demo item", labels)
	}
	w.requestClose()
	if !w.closed {
		t.Error("closing the demo's window hid it instead of ending the demo")
	}
}

func TestEmptyStateOffersTheDemoButNotInsideIt(t *testing.T) {
	f := newFixture(t)
	w := f.open()
	if w.empty.demo == nil || !w.emptyPane.Visible() {
		t.Error("a first start should offer the demo")
	}
	world, err := demo.Start(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer world.Close()
	inDemo := newMainWindow(test.NewTempApp(t), demoDeps(world, &fakeClipboard{}), newPostQueue().post)
	defer inDemo.close()
	if inDemo.empty.demo != nil {
		t.Error("the demo offers itself")
	}
}
