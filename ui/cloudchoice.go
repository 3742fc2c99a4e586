package ui

import "github.com/aztoken/aztoken/tokens"

// cloudChoice is one choice of the cloud field: the words the user reads
// and the short name the profile stores.
type cloudChoice struct {
	name, label string
}

// cloudChoices are the cloud field's choices, in order. Raw names such as
// "usgov" meant nothing to a new user.
var cloudChoices = []cloudChoice{
	{tokens.AzurePublic.Name, "Azure (public)"},
	{tokens.AzureUSGovernment.Name, "Azure US Government"},
	{tokens.AzureChina.Name, "Azure China (21Vianet)"},
	{tokens.CustomCloud, "Custom, e.g. Azure Stack Hub"},
}

// cloudLabels are the choices' words, for the select.
func cloudLabels() []string {
	labels := make([]string, len(cloudChoices))
	for i, c := range cloudChoices {
		labels[i] = c.label
	}
	return labels
}

// cloudLabel words the cloud called name; an unknown name is shown as is.
func cloudLabel(name string) string {
	for _, c := range cloudChoices {
		if c.name == name {
			return c.label
		}
	}
	return name
}

// cloudName is the short name of the choice worded label.
func cloudName(label string) string {
	for _, c := range cloudChoices {
		if c.label == label {
			return c.name
		}
	}
	return label
}

// endpointHints are the placeholders of the authority host, Resource
// Manager and resource fields for the cloud called name. A built-in cloud
// fills them itself, so they are optional and the hint names the default;
// a custom cloud has no defaults, so they are required.
func endpointHints(name string) (authority, arm, resource string) {
	if c, ok := tokens.CloudByName(name); ok {
		return "Optional; default " + c.AuthorityHost, "Optional; default " + c.ARMEndpoint, "Optional; default " + c.ARMResource
	}
	return "Required, e.g. https://login.example.com", "Required, e.g. https://management.example.com",
		"Required unless a scope is set, e.g. https://management.example.com/"
}
