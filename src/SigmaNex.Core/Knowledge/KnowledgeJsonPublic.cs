using System.Text.Json.Serialization.Metadata;

namespace SigmaNex.Core.Knowledge;

/// <summary>JSON type information for protocols, for interfaces that print them.</summary>
public static class KnowledgeJsonPublic
{
    public static JsonTypeInfo<Protocol> Protocol => KnowledgeJson.Default.Protocol;
}
