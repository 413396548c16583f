namespace SigmaNex.Core.Knowledge;

/// <summary>A run of text under one heading (or none), as importers find it before chunking.</summary>
public sealed record TextSection(string? Heading, string Text);
