namespace SigmaNex.Core.Triage;

/// <summary>
/// Trains <see cref="TriageModel"/>: logistic regression (emergency or not) and softmax regression (which category, on
/// the emergencies), both by AdaGrad over the shuffled messages with a fixed seed, so the same data gives the same model.
/// </summary>
internal static class TriageModelTrainer
{
    public sealed record Example(string Text, bool Emergency, string? Category);

    /// <summary>
    /// The labelled development messages the shipped model is trained on, in a fixed order: evals/triage/dev.jsonl and
    /// evals-dev/triage-*.jsonl under the repository root (never the held-out evals/triage/test*.jsonl).
    /// </summary>
    public static IReadOnlyList<string> DevelopmentFiles(string root) =>
        [
            Path.Combine(root, "evals", "triage", "dev.jsonl"),
            .. Directory.GetFiles(Path.Combine(root, "evals-dev"), "triage-*.jsonl").Order(StringComparer.Ordinal),
        ];

    public static TriageModel Train(IReadOnlyList<Example> examples, int epochs = 12, double rate = 0.5, double l2 = 1e-6, int seed = 1)
    {
        var data = examples.Select(e => (Features: TriageModel.Features(e.Text), e.Emergency, e.Category)).ToList();
        var random = new Random(seed);

        // Emergency or not.
        var weights = new double[TriageModel.Buckets];
        var squares = new double[TriageModel.Buckets];
        double bias = 0, biasSquares = 1e-8;
        var order = Enumerable.Range(0, data.Count).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, emergency, _) = data[i];
                var z = bias;
                foreach (var (hash, value) in features)
                {
                    z += weights[hash % TriageModel.Buckets] * value;
                }

                var gradient = TriageModel.Sigmoid(z) - (emergency ? 1 : 0);
                foreach (var (hash, value) in features)
                {
                    var k = hash % TriageModel.Buckets;
                    var g = (gradient * value) + (l2 * weights[k]);
                    squares[k] += g * g;
                    weights[k] -= rate * g / Math.Sqrt(squares[k] + 1e-8);
                }

                biasSquares += gradient * gradient;
                bias -= rate * gradient / Math.Sqrt(biasSquares);
            }
        }

        // Which category, among the emergencies.
        var categories = TriageCategory.All.Order(StringComparer.Ordinal).ToArray();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var labelled = data.Where(d => d.Emergency && d.Category is not null && index.ContainsKey(d.Category)).ToList();
        var rows = categories.Select(_ => new double[TriageModel.CategoryBuckets]).ToArray();
        var rowSquares = categories.Select(_ => new double[TriageModel.CategoryBuckets]).ToArray();
        var rowBias = new double[categories.Length];
        var rowBiasSquares = Enumerable.Repeat(1e-8, categories.Length).ToArray();
        var scores = new double[categories.Length];
        var labelledOrder = Enumerable.Range(0, labelled.Count).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(labelledOrder);
            foreach (var i in labelledOrder)
            {
                var (features, _, category) = labelled[i];
                for (var c = 0; c < categories.Length; c++)
                {
                    var z = rowBias[c];
                    foreach (var (hash, value) in features)
                    {
                        z += rows[c][hash % TriageModel.CategoryBuckets] * value;
                    }

                    scores[c] = z;
                }

                var max = scores.Max();
                var sum = scores.Sum(s => Math.Exp(s - max));
                var truth = index[category!];
                for (var c = 0; c < categories.Length; c++)
                {
                    var gradient = (Math.Exp(scores[c] - max) / sum) - (c == truth ? 1 : 0);
                    foreach (var (hash, value) in features)
                    {
                        var k = hash % TriageModel.CategoryBuckets;
                        var g = (gradient * value) + (l2 * rows[c][k]);
                        rowSquares[c][k] += g * g;
                        rows[c][k] -= rate * g / Math.Sqrt(rowSquares[c][k] + 1e-8);
                    }

                    rowBiasSquares[c] += gradient * gradient;
                    rowBias[c] -= rate * gradient / Math.Sqrt(rowBiasSquares[c]);
                }
            }
        }

        return new TriageModel(
            [.. weights.Select(w => (float)w)],
            (float)bias,
            categories,
            [.. rows.Select(r => r.Select(w => (float)w).ToArray())],
            [.. rowBias.Select(b => (float)b)]);
    }
}
