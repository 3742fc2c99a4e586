package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestEveryFetchSaysWhoAskedForIt(t *testing.T) {
	f := newDevFixture(t)
	w, _ := f.openWithTray(true)
	var origins []fetchOrigin
	w.ctrl.fetched = func(e fetchEnd) { origins = append(origins, e.origin) }

	f.getToken()
	w.token.auto.SetChecked(true)
	f.clock.Add(56 * time.Minute)
	w.tick()
	f.wait()
	f.clickTray("Copy header · dev")
	f.openTab(w.serveTab)
	test.Tap(w.serve.on)
	f.wait()

	want := []fetchOrigin{fetchManual, fetchAuto, fetchTray, fetchServe}
	if !slices.Equal(origins, want) {
		t.Errorf("fetches told %v, want %v: Get token, auto-refresh, the tray, the endpoint", origins, want)
	}
}
