using SigmaNex.Core.Resources;

namespace SigmaNex.Core.Configuration;

/// <summary>The commented default configuration that <c>sigma config init</c> writes.</summary>
public static class DefaultConfig
{
    public static string Text => EmbeddedResources.ReadText("config.default.yaml");
}
