namespace SigmaNex.Core.Evaluation;

/// <summary>One labelled query: what a person asks and which documents answer it.</summary>
public sealed record RetrievalCase(string Query, string Language, IReadOnlyList<string> Expected, string Kind, IReadOnlyList<string> ExpectedKeywords);
