package arm

import "github.com/aztoken/aztoken/tokens"

// codeFix is what aztoken says about one ARM error code: the usual HTTP
// status and a short name of the cause (the README's table), the fix, and
// the profile fields to look at (none when nothing in the profile is
// wrong). Some codes get a sharper fix from their message; see
// (*Error).Fix.
type codeFix struct {
	code   string
	status int
	cause  string
	fix    string
	fields []tokens.Field
}

func (f codeFix) text() string { return tokens.WithFields(f.fix, f.fields) }

// Shared wording of codes that mean the same thing.
const (
	fixSubscriptionDisabled = "The subscription is disabled and read-only (often an ended trial or an unpaid bill): its owner must reactivate it under Subscriptions › Overview, or use another subscription."
	fixAPIVersion           = "Use an api-version the resource type supports, such as " + ResourceGroupsAPIVersion + " for resource groups (Settings › ARM api-version, or the path)."
	fixThrottled            = "Resource Manager is throttling this app, nothing in the profile is wrong: wait a minute and try again."
	fixOutage               = "Resource Manager had a problem and still did after retries, nothing in the profile is wrong: try again in a few minutes, and check https://azure.status.microsoft if it lasts."
)

// table covers the error codes a GET on subscriptions, resource groups
// or any other ARM path returns, per ../shared/azure-wire-formats.md §3.4.
var table = []codeFix{
	// The token.
	{"AuthenticationFailed", 401, "no valid Authorization header", "The call had no valid Authorization header: send \"Authorization: Bearer <token>\" with a token from this app.", nil},
	{"InvalidAuthenticationToken", 401, "token not accepted", "Resource Manager did not accept the token: get a new one from the cloud whose Resource Manager you call and send it unchanged.", []tokens.Field{tokens.FieldCloud}},
	{"InvalidAuthenticationTokenAudience", 401, "token for another resource", "The token was issued for another resource: use this cloud's Resource Manager resource, such as https://management.azure.com/ (or its /.default scope).", []tokens.Field{tokens.FieldTarget, tokens.FieldCloud}},
	{"InvalidAuthenticationTokenTenant", 401, "token from another tenant", "The token comes from a different tenant than the subscription's: set the profile's tenant to the subscription's directory.", []tokens.Field{tokens.FieldTenant}},
	{"ExpiredAuthenticationToken", 401, "token expired", "The token has expired, nothing in the profile is wrong: get a new one (if it had only just arrived, check this computer's clock).", nil},
	// Roles.
	{"AuthorizationFailed", 403, "no role assignment", "The app has no role on this scope: add a role assignment such as Reader in the subscription's or resource group's Access control (IAM); a new assignment can take several minutes to apply, so then get a new token and try again.", []tokens.Field{tokens.FieldSubscription}},
	{"LinkedAuthorizationFailed", 403, "no role on a linked resource", "The app may act on this resource but not on one it links to: add a role assignment on the linked scope the message names as well; a new assignment can take several minutes to apply.", nil},
	// The subscription.
	{"SubscriptionNotFound", 404, "subscription not found", "Check the subscription ID, that the app has a role on it, and that it belongs to the profile's tenant.", []tokens.Field{tokens.FieldSubscription, tokens.FieldTenant}},
	{"InvalidSubscriptionId", 400, "subscription ID malformed", "The subscription ID must be a GUID such as 00000000-0000-0000-0000-000000000000.", []tokens.Field{tokens.FieldSubscription}},
	{"MissingSubscription", 400, "no subscription in the path", "The path names no subscription: start it with /subscriptions/<subscription ID>/.", []tokens.Field{tokens.FieldSubscription}},
	{"ReadOnlyDisabledSubscription", 409, "subscription disabled", fixSubscriptionDisabled, []tokens.Field{tokens.FieldSubscription}},
	{"DisabledSubscription", 409, "subscription disabled", fixSubscriptionDisabled, []tokens.Field{tokens.FieldSubscription}},
	{"MissingSubscriptionRegistration", 409, "resource provider not registered", "The subscription is not registered for this resource provider: register it under Subscriptions › Resource providers (a role such as Contributor may do so).", []tokens.Field{tokens.FieldSubscription}},
	// The path and its api-version.
	{"MissingApiVersionParameter", 400, "no api-version", "Add ?api-version= to the path, such as api-version=" + ResourceGroupsAPIVersion + " for resource groups.", nil},
	{"InvalidApiVersionParameter", 400, "api-version not supported", fixAPIVersion, nil},
	{"NoRegisteredProviderFound", 400, "api-version or location not supported", fixAPIVersion, nil},
	{"ResourceGroupNotFound", 404, "resource group not found", "Check the resource group's name in the path, and that it is in this subscription.", []tokens.Field{tokens.FieldSubscription}},
	{"ResourceNotFound", 404, "resource not found", "Check the path: no resource of that name and type is in this resource group.", nil},
	{"InvalidResourceNamespace", 400, "unknown resource provider", "Check the provider in the path, such as Microsoft.Resources.", nil},
	{"InvalidResourceType", 400, "unknown resource type", "Check the resource type in the path, such as resourceGroups under Microsoft.Resources.", nil},
	// Throttling and outages, reported once the retries are spent.
	{"SubscriptionRequestsThrottled", 429, "subscription throttled", fixThrottled, nil},
	{"TenantRequestsThrottled", 429, "tenant throttled", fixThrottled, nil},
	{"TooManyRequests", 429, "throttled", fixThrottled, nil},
	{"InternalServerError", 500, "server error", fixOutage, nil},
	{"BadGateway", 502, "gateway error", fixOutage, nil},
	{"ServiceUnavailable", 503, "service unavailable", fixOutage, nil},
	{"GatewayTimeout", 504, "gateway timeout", fixOutage, nil},
}

// fixFor finds a code's entry.
func fixFor(code string) (codeFix, bool) {
	for _, f := range table {
		if f.code == code {
			return f, true
		}
	}
	return codeFix{}, false
}
