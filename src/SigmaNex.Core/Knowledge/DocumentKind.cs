namespace SigmaNex.Core.Knowledge;

public enum DocumentKind
{
    /// <summary>A structured protocol (ours, or imported from a framework file).</summary>
    Protocol,
    /// <summary>A user document (Markdown, text, HTML, JSON lines), chunked.</summary>
    Document,
    /// <summary>A question/answer pair from a medical dataset such as MedQuAD.</summary>
    QuestionAnswer,
}
