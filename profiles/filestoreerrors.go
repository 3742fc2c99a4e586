package profiles

import "fmt"

// WrongPassphraseError means the passphrase given does not open the
// secrets file. The file is fine and untouched; the next use asks again.
type WrongPassphraseError struct {
	Path string
}

// Error names the file and what to do.
func (e *WrongPassphraseError) Error() string {
	return fmt.Sprintf("the passphrase does not open %s: type the passphrase it was made with (it is case-sensitive). "+
		"If it is lost, so are the secrets in it: move the file aside and enter the client secrets again", e.Path)
}

// SecretsFileError means secrets.age exists but cannot be used: it cannot
// be read, is cut short, was changed, or is not aztoken's. It is never
// overwritten: every change to the file store is refused until the user
// restores it or moves it aside, as with a damaged profiles.json.
type SecretsFileError struct {
	Path string
	// Err says what is wrong, without the file's content.
	Err error
}

// Error names the file and the problem, and says nothing was changed.
func (e *SecretsFileError) Error() string {
	return fmt.Sprintf("the secrets file %s cannot be used: %v. It has been left as it is: "+
		"restore it from a backup, or move it aside (aztoken then starts a new one) and enter the client secrets again", e.Path, e.Err)
}

// Unwrap returns the reason.
func (e *SecretsFileError) Unwrap() error { return e.Err }
