package profiles

import "strings"

// guidExample shows the expected shape in messages.
const guidExample = "11111111-2222-3333-4444-555555555555"

// parseGUID accepts a GUID with or without the braces Windows tools put
// around it and returns it in lower case, the form Entra shows.
func parseGUID(s string) (string, bool) {
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = s[1 : len(s)-1]
	}
	if len(s) != 36 {
		return "", false
	}
	for i := range len(s) {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return "", false
			}
			continue
		}
		if !isHex(c) {
			return "", false
		}
	}
	return strings.ToLower(s), true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// dashedGUID turns 32 bare hex digits into a GUID, to suggest when the
// dashes were lost on the way.
func dashedGUID(s string) (string, bool) {
	if len(s) != 32 {
		return "", false
	}
	for i := range len(s) {
		if !isHex(s[i]) {
			return "", false
		}
	}
	s = strings.ToLower(s)
	return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:], true
}

// checkGUID cleans and checks a required GUID; what names the value in the
// message when it is missing.
func checkGUID(f Field, s, missing string) (string, error) {
	s = trimPasted(s)
	if err := checkRequired(f, s, maxURL, missing); err != nil {
		return "", err
	}
	if g, ok := parseGUID(s); ok {
		return g, nil
	}
	e := problem(f, "Not a GUID: expected 8-4-4-4-12 hex digits, like "+guidExample)
	if g, ok := dashedGUID(s); ok {
		e.Message = "The dashes are missing"
		e.Suggestion = g
	}
	return "", e
}

// CheckClientID cleans and checks an Application (client) ID.
func CheckClientID(s string) (string, error) {
	return checkGUID(FieldClientID, s, "Enter the Application (client) ID from the app registration's Overview")
}

// CheckSubscription cleans and checks the optional subscription ID used by
// the test call; empty is allowed.
func CheckSubscription(s string) (string, error) {
	if trimPasted(s) == "" {
		return "", nil
	}
	return checkGUID(FieldSubscription, s, "")
}
