using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

public sealed class HistoryOptions
{
    /// <summary>Keep conversations in the store so they can be resumed, listed and exported.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;
}
