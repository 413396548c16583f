using System.Text.Json.Serialization;

namespace SigmaNex.Core.Knowledge;

/// <summary>Source-generated JSON for what the store keeps in its <c>body</c> and <c>tags</c> columns.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Protocol))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class KnowledgeJson : JsonSerializerContext;
