package server

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// TestAzureSDKGetsTheProfilesToken is the promise of the feature: an app
// using the Go SDK's managed-identity credential, or DefaultAzureCredential,
// runs unchanged with the two variables set and gets the profile's token.
func TestAzureSDKGetsTheProfilesToken(t *testing.T) {
	rg := start(t, nil)
	sdkEnvironment(t, rg.srv.Env())
	tests := []struct {
		name string
		cred func() (azcore.TokenCredential, error)
	}{
		{"ManagedIdentityCredential", func() (azcore.TokenCredential, error) { return azidentity.NewManagedIdentityCredential(nil) }},
		{"DefaultAzureCredential", func() (azcore.TokenCredential, error) { return azidentity.NewDefaultAzureCredential(nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cred, err := tt.cred()
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{"https://management.azure.com/.default"}})
			if err != nil {
				t.Fatal(err)
			}
			jwt, err := tokens.DecodeJWT(tok.Token)
			if err != nil || jwt.Claims.AppID != emulator.SampleApp || jwt.Claims.Audience != armResource {
				t.Fatalf("token: %v, claims %+v", err, jwt.Claims)
			}
			// The SDK turns expires_on into seconds from now and back, and
			// loses a second or two on the way.
			if d := jwt.Claims.ExpiresAt.Sub(tok.ExpiresOn); d < 0 || d > 5*time.Second {
				t.Errorf("the SDK read expiry %v, the token says %v", tok.ExpiresOn, jwt.Claims.ExpiresAt)
			}
		})
	}
	if n := rg.emu.Requests(emulator.TokenEndpoint); n != 1 {
		t.Errorf("%d token requests to Entra for two SDK credentials, want 1 from the shared cache", n)
	}
}

// sdkEnvironment sets the server's variables and removes every other one
// the SDK reads to choose a credential, restoring them after the test.
func sdkEnvironment(t *testing.T, vars map[string]string) {
	for _, name := range []string{
		"IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT", "MSI_ENDPOINT", "MSI_SECRET",
		"AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
		"AZURE_USERNAME", "AZURE_FEDERATED_TOKEN_FILE",
	} {
		t.Setenv(name, "") // restores the old value after the test
		os.Unsetenv(name)  // the SDK tests some only for presence
	}
	for name, value := range vars {
		t.Setenv(name, value)
	}
}
