package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// confirm asks before a command destroys something, unless --yes said so
// already. Without a terminal to ask on it refuses: a script must say
// --yes rather than hang on a prompt nobody sees.
func confirm(env *Env, yes bool, command, question string) error {
	if yes {
		return nil
	}
	if env.ReadPassword == nil {
		return usageErrorf("%s: no terminal to ask whether to %s; add --yes to confirm", command, question)
	}
	fmt.Fprintf(env.Stderr, "%s%s? [y/N] ", strings.ToUpper(question[:1]), question[1:])
	answer, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
		return errNotConfirmed
	}
	return nil
}

// errNotConfirmed ends a destructive command the user said no to.
var errNotConfirmed = errors.New("not confirmed, so nothing was changed")
