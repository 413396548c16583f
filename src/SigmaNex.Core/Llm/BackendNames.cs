namespace SigmaNex.Core.Llm;

public static class BackendNames
{
    public const string Auto = "auto";
    public const string Knowledge = "knowledge";
    public const string Ollama = "ollama";
    public const string OpenAi = "openai";
    public const string Llama = "llama";
}
