package ui

// poster runs a function on the main goroutine, the only one that may
// touch widgets. It is the one bridge from background work to the views:
// the controller's tasks, the tickers and the copy flashes all post. The
// app passes fyne.Do; tests pass a queue they drain on their own
// goroutine, so that results arrive there exactly as they arrive on the
// main goroutine in the app: later, and never on the worker's goroutine.
type poster func(func())
