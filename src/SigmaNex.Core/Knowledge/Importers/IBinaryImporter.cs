namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>Marks importers whose input is binary by nature (archives), so it is not skipped as binary.</summary>
public interface IBinaryImporter : IKnowledgeImporter;
