// Package profiles keeps aztoken's app-registration profiles: what each
// one is (tenant, client ID, cloud, token target), how every field is
// checked and cleaned before it is kept, the profiles.json file that holds
// them, the secret stores that hold their client secrets (never that file),
// and import and export to aztoken's own format and to Postman.
//
// It knows nothing of windows or terminals: checkers return messages meant
// to be shown next to the field they are about, and errors are values the
// GUI, the tray and the CLI explain in their own way.
package profiles
