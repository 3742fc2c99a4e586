package emulator

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// subscriptionBody is one subscription, keys in the order of a captured
// ARM response.
type subscriptionBody struct {
	ID                   string               `json:"id"`
	AuthorizationSource  string               `json:"authorizationSource"`
	ManagedByTenants     []managedByTenant    `json:"managedByTenants"`
	Tags                 map[string]string    `json:"tags,omitempty"`
	SubscriptionID       string               `json:"subscriptionId"`
	TenantID             string               `json:"tenantId"`
	DisplayName          string               `json:"displayName"`
	State                string               `json:"state"`
	SubscriptionPolicies subscriptionPolicies `json:"subscriptionPolicies"`
}

type managedByTenant struct {
	TenantID string `json:"tenantId"`
}

type subscriptionPolicies struct {
	LocationPlacementID string `json:"locationPlacementId"`
	QuotaID             string `json:"quotaId"`
	SpendingLimit       string `json:"spendingLimit"`
}

type subscriptionList struct {
	Value []subscriptionBody `json:"value"`
	Count listCount          `json:"count"`
}

type listCount struct {
	Type  string `json:"type"`
	Value int    `json:"value"`
}

type groupBody struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Type       string            `json:"type"`
	Location   string            `json:"location"`
	ManagedBy  string            `json:"managedBy,omitempty"`
	Tags       map[string]string `json:"tags"`
	Properties groupProperties   `json:"properties"`
}

type groupProperties struct {
	ProvisioningState string `json:"provisioningState"`
}

type groupList struct {
	Value    []groupBody `json:"value"`
	NextLink string      `json:"nextLink,omitempty"`
}

func subscriptionJSON(sub *subscription) subscriptionBody {
	return subscriptionBody{
		ID:                  "/subscriptions/" + sub.ID,
		AuthorizationSource: "RoleBased",
		ManagedByTenants:    []managedByTenant{},
		Tags:                sub.Tags,
		SubscriptionID:      sub.ID,
		TenantID:            sub.tenantID,
		DisplayName:         sub.DisplayName,
		State:               sub.State,
		SubscriptionPolicies: subscriptionPolicies{
			LocationPlacementID: "Public_2014-09-01",
			QuotaID:             "PayAsYouGo_2014-09-01",
			SpendingLimit:       "Off",
		},
	}
}

// subscriptionsOf lists, in configured order, the subscriptions of the
// token's tenant on which its principal holds a role: an app with no role
// anywhere gets an empty list, not an error.
func (s *Server) subscriptionsOf(c accessClaims) subscriptionList {
	list := subscriptionList{Value: []subscriptionBody{}, Count: listCount{Type: "Total"}}
	if t := s.dir.tenant(c.Tid); t != nil {
		for _, configured := range t.Subscriptions {
			if sub := s.dir.subscription(configured.ID); sub.canRead(c.Oid) {
				list.Value = append(list.Value, subscriptionJSON(sub))
			}
		}
	}
	list.Count.Value = len(list.Value)
	return list
}

// serveResourceGroups sends one page of sub's resource groups. A page that
// is not the last links to the next with an absolute URL carrying an
// opaque $skiptoken, as ARM does.
func (s *Server) serveResourceGroups(w http.ResponseWriter, r *http.Request, sub *subscription, apiVersion string) {
	groups := sub.ResourceGroups
	start := 0
	if token := r.URL.Query().Get("$skiptoken"); token != "" {
		var ok bool
		if start, ok = parseSkipToken(token, len(groups)); !ok {
			s.writeARMError(w, errBadSkipToken(token))
			return
		}
	}
	end := len(groups)
	page := groupList{Value: []groupBody{}}
	if s.pageSize > 0 && start+s.pageSize < end {
		end = start + s.pageSize
		page.NextLink = s.url + "/subscriptions/" + sub.ID + "/resourcegroups?api-version=" +
			url.QueryEscape(apiVersion) + "&%24skiptoken=" + skipToken(end)
	}
	for _, g := range groups[start:end] {
		page.Value = append(page.Value, groupJSON(sub.ID, g))
	}
	writeJSON(w, http.StatusOK, page)
}

func groupJSON(subscriptionID string, g ResourceGroup) groupBody {
	tags := g.Tags
	if tags == nil {
		tags = map[string]string{} // ARM sends "tags":{} for an untagged group
	}
	return groupBody{
		ID:         "/subscriptions/" + subscriptionID + "/resourceGroups/" + g.Name,
		Name:       g.Name,
		Type:       "Microsoft.Resources/resourceGroups",
		Location:   g.Location,
		ManagedBy:  g.ManagedBy,
		Tags:       tags,
		Properties: groupProperties{ProvisioningState: g.ProvisioningState},
	}
}

// skipToken encodes the offset of the next page. Real tokens are opaque,
// so clients must pass nextLink back untouched; encoding keeps them from
// guessing.
func skipToken(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset)))
}

func parseSkipToken(token string, total int) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return 0, false
	}
	digits, ok := strings.CutPrefix(string(b), "offset:")
	n, err := strconv.Atoi(digits)
	return n, ok && err == nil && n >= 0 && n <= total
}
