package emulator

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// armOp is one of the ARM reads the emulator knows.
type armOp int

const (
	listSubscriptions armOp = iota + 1
	getSubscription
	listResourceGroups
)

// readsHeader reports the reads left in the caller's throttling budget.
const readsHeader = "x-ms-ratelimit-remaining-subscription-reads"

// armAudiences are the token audiences ARM accepts, in the order its
// InvalidAuthenticationTokenAudience message lists them.
var armAudiences = []string{
	"https://management.core.windows.net/",
	"https://management.core.windows.net",
	"https://management.azure.com/",
	"https://management.azure.com",
}

// serveARM answers every path that is not Entra's. ARM checks the
// api-version before anything else (even an unauthenticated GET of the
// root answers MissingApiVersionParameter), then the route, then the
// token, then the subscription.
func (s *Server) serveARM(w http.ResponseWriter, r *http.Request, segs []string) {
	s.armHeaders(w, r)
	apiVersion := r.URL.Query().Get("api-version")
	if apiVersion == "" {
		s.writeARMError(w, errMissingAPIVersion())
		return
	}
	op, subID, ok := armOperation(segs)
	if !ok {
		s.writeARMError(w, errPathNotFound(r.URL.Path))
		return
	}
	if r.Method != http.MethodGet {
		s.writeARMError(w, errMethodNotSupported(r.Method))
		return
	}
	owner := ""
	if sub := s.dir.subscription(subID); sub != nil {
		owner = sub.tenantID
	}
	claims, e := s.authenticateARM(r, s.now())
	if e != nil {
		e.authTenant = owner
		s.writeARMError(w, e)
		return
	}
	w.Header().Set(readsHeader, strconv.FormatInt(s.takeRead(), 10))
	if op == listSubscriptions {
		writeJSON(w, http.StatusOK, s.subscriptionsOf(claims))
		return
	}
	sub, e := s.subscriptionFor(claims, subID)
	if e == nil {
		e = roleError(op, sub, claims, subID)
	}
	if e != nil {
		s.writeARMError(w, e)
		return
	}
	if op == getSubscription {
		writeJSON(w, http.StatusOK, subscriptionJSON(sub))
		return
	}
	s.serveResourceGroups(w, r, sub, apiVersion)
}

// armOperation recognises the routes; ARM paths are case-insensitive, and
// SDKs differ in writing resourcegroups or resourceGroups.
func armOperation(segs []string) (op armOp, subscriptionID string, ok bool) {
	if !strings.EqualFold(segs[0], "subscriptions") {
		return 0, "", false
	}
	switch {
	case len(segs) == 1:
		return listSubscriptions, "", true
	case len(segs) == 2:
		return getSubscription, segs[1], true
	case len(segs) == 3 && strings.EqualFold(segs[2], "resourcegroups"):
		return listResourceGroups, segs[1], true
	}
	return 0, "", false
}

// authenticateARM checks the bearer token as ARM's front door does.
func (s *Server) authenticateARM(r *http.Request, now time.Time) (accessClaims, *armError) {
	if r.Header.Get("Authorization") == "" {
		return accessClaims{}, errAuthMissing()
	}
	token := bearerToken(r)
	if token == "" {
		return accessClaims{}, errAuthFormat()
	}
	claims, err := s.keys.verify(token)
	if err != nil {
		return accessClaims{}, errTokenInvalid()
	}
	if !isARMAudience(claims.Aud) {
		return accessClaims{}, errTokenAudience(claims.Aud)
	}
	if exp := time.Unix(claims.Exp, 0); exp.Before(now) {
		return accessClaims{}, errTokenExpired(exp, now)
	}
	return claims, nil
}

// subscriptionFor finds the subscription a request names and checks the
// token comes from its tenant.
func (s *Server) subscriptionFor(c accessClaims, id string) (*subscription, *armError) {
	if !isGUID(id) {
		return nil, errInvalidSubscriptionID(id)
	}
	sub := s.dir.subscription(id)
	if sub == nil {
		return nil, errSubscriptionNotFound(id)
	}
	if !strings.EqualFold(c.Tid, sub.tenantID) {
		return nil, s.errTokenTenant(c.Iss, sub.tenantID)
	}
	return sub, nil
}

// roleError checks the caller holds a role on sub. ARM hides a
// subscription the caller cannot read (404, as if it did not exist) but
// refuses reads beneath it with 403.
func roleError(op armOp, sub *subscription, c accessClaims, id string) *armError {
	switch {
	case sub.canRead(c.Oid):
		return nil
	case op == getSubscription:
		return errSubscriptionNotFound(id)
	}
	return errAuthorizationFailed(c, sub.ID)
}

// isARMAudience is an exact match, as ARM's message demands: case and
// trailing slash count.
func isARMAudience(aud string) bool { return slices.Contains(armAudiences, aud) }

// armHeaders sets the headers of every ARM answer. The correlation ID is
// the client's x-ms-correlation-request-id when it sent one, as ARM
// echoes it.
func (s *Server) armHeaders(w http.ResponseWriter, r *http.Request) {
	id := newGUID()
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Pragma", "no-cache")
	h.Set("Expires", "-1")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("x-ms-request-id", id)
	h.Set("x-ms-correlation-request-id", requestID(r, "x-ms-correlation-request-id"))
	h.Set("x-ms-routing-request-id", "LOOPBACK:"+s.now().UTC().Format("20060102T150405Z")+":"+id)
}

// takeRead counts one read off the throttling budget and returns what is
// left; it stops at zero, since the emulator throttles only when told to.
func (s *Server) takeRead() int64 {
	for {
		left := s.readsLeft.Load()
		if left <= 0 {
			return 0
		}
		if s.readsLeft.CompareAndSwap(left, left-1) {
			return left - 1
		}
	}
}

// bearerToken is the token of a "Bearer <token>" Authorization header, or
// "" for any other form.
func bearerToken(r *http.Request) string {
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}
