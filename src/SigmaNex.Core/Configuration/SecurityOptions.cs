using Microsoft.Extensions.Configuration;

namespace SigmaNex.Core.Configuration;

public sealed class SecurityOptions
{
    /// <summary>Longest question accepted, in characters.</summary>
    [ConfigurationKeyName("max_query_length")]
    public int MaxQueryLength { get; set; } = 4000;

    /// <summary>Largest single file <c>sigma ingest</c> accepts, in megabytes.</summary>
    [ConfigurationKeyName("max_file_size_mb")]
    public int MaxFileSizeMb { get; set; } = 256;

    [ConfigurationKeyName("encryption_enabled")]
    public bool EncryptionEnabled { get; set; }

    [ConfigurationKeyName("audit_logging")]
    public bool AuditLogging { get; set; }
}
