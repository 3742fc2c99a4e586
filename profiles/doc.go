// Package profiles keeps aztoken's app-registration profiles: what each
// one is (tenant, client ID, cloud, token target), how every field is
// checked and cleaned before it is kept, the profiles.json file that holds
// them, the secret stores that hold their client secrets (never that file),
// and import and export to aztoken's own format and to Postman.
//
// Every change to the file is conditional: a profile carries the revision
// it was read at, and a save from an older read fails with a
// *ConflictError rather than undoing another process's change. A profile
// and its secret are saved together by Store.SaveWithSecret.
//
// It knows nothing of windows or terminals: checkers return messages meant
// to be shown next to the field they are about, and errors are values the
// GUI, the tray and the CLI explain in their own way.
package profiles
