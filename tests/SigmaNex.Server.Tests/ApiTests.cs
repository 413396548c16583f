using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmaNex.Tests;

namespace SigmaNex.Server.Tests;

public sealed class ApiTests : IClassFixture<ApiTests.Host>
{
    private readonly HttpClient _client;

    public ApiTests(Host host) => _client = host.CreateClient();

    [Fact]
    public async Task Health_LiveAndReady()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ask_ReturnsTheSameContractAsTheCli()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "How do I stop severe bleeding?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("emergency").GetProperty("detected").GetBoolean());
        Assert.Equal("severe-bleeding.en", doc.RootElement.GetProperty("sources")[0].GetProperty("id").GetString());
        Assert.True(doc.RootElement.TryGetProperty("timings_ms", out _));
    }

    [Theory]
    [InlineData("{\"question\": \"\"}", "the question is empty")]
    [InlineData("{\"question\": \"a\\u0001b\"}", "control character")]
    [InlineData("{\"question\": ", "")]
    [InlineData("[1,2,3]", "")]
    public async Task Ask_BadInput_IsAProblemDetails400_NeverA500(string body, string detail)
    {
        var response = await _client.PostAsync("/api/ask", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsAndRefusesEmptyQueries()
    {
        var ok = await _client.GetAsync("/api/search?q=nosebleed&top=3");
        var empty = await _client.GetAsync("/api/search?q=");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("nosebleed.en", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    public sealed class Host : WebApplicationFactory<Program>
    {
        private readonly TempDirectory _temp = new("api");

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            var env = TestEnvironments.Create(_temp);
            builder.UseSetting("sigma:home", env.Get(Core.Configuration.SigmaPaths.HomeVariable));
            builder.UseSetting("sigma:root", env.Get(Core.Configuration.SigmaPaths.RootVariable));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _temp.Dispose();
        }
    }
}
