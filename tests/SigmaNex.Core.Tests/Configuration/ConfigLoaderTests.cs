using SigmaNex.Core;
using SigmaNex.Core.Configuration;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new("config");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_NoFile_UsesDefaults()
    {
        var config = ConfigLoader.Load(TestEnvironments.Create(_temp));

        Assert.Null(config.SourceFile);
        Assert.Equal("mistral", config.Options.ModelName);
        Assert.Equal(0.3, config.Options.Temperature);
        Assert.Equal(5, config.Options.Retrieval.TopK);
        Assert.Empty(config.UnknownKeys);
    }

    [Fact]
    public void Load_SearchOrder_RootThenWorkingFolderThenUserFolder()
    {
        var env = TestEnvironments.Create(_temp);
        var user = SigmaPaths.UserConfigFile(env);
        Directory.CreateDirectory(Path.GetDirectoryName(user)!);
        File.WriteAllText(user, "model_name: from-user\n");
        Assert.Equal("from-user", ConfigLoader.Load(env).Options.ModelName);

        File.WriteAllText(Path.Combine(env.CurrentDirectory, "config.yaml"), "model_name: from-cwd\n");
        Assert.Equal("from-cwd", ConfigLoader.Load(env).Options.ModelName);

        File.WriteAllText(Path.Combine(env.Get(SigmaPaths.RootVariable)!, "config.yaml"), "model_name: from-root\n");
        var config = ConfigLoader.Load(env);
        Assert.Equal("from-root", config.Options.ModelName);
        Assert.Equal(Path.Combine(env.Get(SigmaPaths.RootVariable)!, "config.yaml"), config.SourceFile);
    }

    [Fact]
    public void Load_ExplicitFile_WinsOverEverySearchedFile()
    {
        var env = TestEnvironments.Create(_temp);
        File.WriteAllText(Path.Combine(env.Get(SigmaPaths.RootVariable)!, "config.yaml"), "model_name: from-root\n");
        var explicitFile = _temp.Write("mine.yaml", "model_name: explicit\n");

        Assert.Equal("explicit", ConfigLoader.Load(env, explicitFile).Options.ModelName);
    }

    [Fact]
    public void Load_EnvironmentOverridesFile_AndFlagsOverrideEnvironment()
    {
        var file = _temp.Write("c.yaml", "temperature: 0.5\nretrieval:\n  top_k: 7\n");
        var env = TestEnvironments.Create(_temp, new Dictionary<string, string>
        {
            ["SIGMA_TEMPERATURE"] = "0.1",
            ["SIGMA_RETRIEVAL__TOP_K"] = "3",
        });

        var fromEnv = ConfigLoader.Load(env, file);
        Assert.Equal(0.1, fromEnv.Options.Temperature);
        Assert.Equal(3, fromEnv.Options.Retrieval.TopK);

        var fromFlags = ConfigLoader.Load(env, file, new Dictionary<string, string?> { ["temperature"] = "0.9" });
        Assert.Equal(0.9, fromFlags.Options.Temperature);
        Assert.Equal(3, fromFlags.Options.Retrieval.TopK);
    }

    [Fact]
    public void Load_OriginalPythonConfig_Loads()
    {
        var config = ConfigLoader.Load(TestEnvironments.Create(_temp), RepoPaths.OriginalConfig);

        Assert.Equal("mistral", config.Options.ModelName);
        Assert.True(config.Options.RetrievalEnabled);
        Assert.StartsWith("Sei SIGMA-NEX", config.Options.SystemPrompt, StringComparison.Ordinal);
        Assert.Empty(config.UnknownKeys);
    }

    [Fact]
    public void Load_KeysThisVersionDoesNotUse_AreReportedNotRejected()
    {
        var file = _temp.Write("c.yaml", "model_name: x\nlogging:\n  version: 1\nretrieval:\n  engine: faiss\n  top_k: 4\n");

        var config = ConfigLoader.Load(TestEnvironments.Create(_temp), file);

        Assert.Equal(4, config.Options.Retrieval.TopK);
        Assert.Equal(["logging", "retrieval.engine"], config.UnknownKeys);
    }

    [Fact]
    public void Load_MalformedYaml_NamesFileAndLine()
    {
        var file = _temp.Write("bad.yaml", "model_name: x\ntemperature: [0.1\n");

        var ex = Assert.Throws<SigmaException>(() => ConfigLoader.Load(TestEnvironments.Create(_temp), file));

        Assert.Equal(SigmaErrorKind.Configuration, ex.Kind);
        Assert.Contains("bad.yaml line", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("temperature: hot\n", "temperature must be a number (got 'hot')")]
    [InlineData("temperature: 5\n", "temperature must be between 0 and 2 (got 5)")]
    [InlineData("retrieval:\n  top_k: 0\n", "retrieval.top_k must be between 1 and 50 (got 0)")]
    [InlineData("retrieval_enabled: maybe\n", "retrieval_enabled must be true or false (got 'maybe')")]
    [InlineData("backend: gpt\n", "backend must be one of")]
    [InlineData("retrieval:\n  ann_index: hnsw\n", "retrieval.ann_index must be one of columns, ivf (got 'hnsw')")]
    [InlineData("retrieval:\n  ann_weight: 0\n", "retrieval.ann_weight must be between 0.05 and 1 (got 0)")]
    [InlineData("language: italian\n", "language must be 'auto' or a two-letter language code")]
    [InlineData("retrieval: yes\n", "retrieval must be a mapping")]
    public void Load_InvalidValue_NamesKeyPath(string yaml, string expected)
    {
        var file = _temp.Write("c.yaml", yaml);

        var ex = Assert.Throws<SigmaException>(() => ConfigLoader.Load(TestEnvironments.Create(_temp), file));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("c.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidEnvironmentValue_SaysItCameFromTheEnvironment()
    {
        var env = TestEnvironments.Create(_temp, new Dictionary<string, string> { ["SIGMA_MAX_TOKENS"] = "-3" });

        var ex = Assert.Throws<SigmaException>(() => ConfigLoader.Load(env));

        Assert.StartsWith("environment: max_tokens must be between", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingExplicitFile_Throws()
    {
        var ex = Assert.Throws<SigmaException>(() => ConfigLoader.Load(TestEnvironments.Create(_temp), _temp.File("nope.yaml")));

        Assert.Contains("config file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TopLevelList_IsRefused()
    {
        var file = _temp.Write("c.yaml", "- a\n- b\n");

        var ex = Assert.Throws<SigmaException>(() => ConfigLoader.Load(TestEnvironments.Create(_temp), file));

        Assert.Contains("top level must be a mapping", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_MeansDefaults()
    {
        var file = _temp.Write("c.yaml", "# nothing but a comment\n");

        Assert.Equal("mistral", ConfigLoader.Load(TestEnvironments.Create(_temp), file).Options.ModelName);
    }

    [Fact]
    public void Paths_HomeVariableWinsOverDataDir_AndDataDirIsRelativeToTheFile()
    {
        var file = _temp.Write("conf/c.yaml", "data_dir: ../mydata\n");
        var env = TestEnvironments.Create(_temp);
        Assert.Equal(env.Get(SigmaPaths.HomeVariable), ConfigLoader.Load(env, file).Paths.DataDirectory);

        var withoutHome = env with { Variables = env.Variables.Where(kv => kv.Key != SigmaPaths.HomeVariable).ToDictionary() };
        Assert.Equal(_temp.File("mydata"), ConfigLoader.Load(withoutHome, file).Paths.DataDirectory);
    }

    [Fact]
    public void Paths_DefaultDataFolder_IsUnderTheUsersDataFolderNotTheInstall()
    {
        var env = TestEnvironments.Create(_temp);
        env = env with { Variables = env.Variables.Where(kv => kv.Key != SigmaPaths.HomeVariable).ToDictionary() };

        var paths = ConfigLoader.Load(env).Paths;

        Assert.Equal(Path.Combine(env.HomeDirectory, ".local", "share", "sigma-nex"), paths.DataDirectory);
        Assert.False(paths.DataDirectory.StartsWith(env.BaseDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultConfig_LoadsCleanly()
    {
        var file = _temp.Write("c.yaml", DefaultConfig.Text);

        var config = ConfigLoader.Load(TestEnvironments.Create(_temp), file);

        Assert.Empty(config.UnknownKeys);
        Assert.Equal("auto", config.Options.Backend);
    }
}
