namespace SigmaNex.Core.Translation;

/// <summary>
/// Beam search over a batch, as Hugging Face <c>generate</c> does it for Marian: each step keeps the best
/// <c>beams</c> continuations per input from the top 2×beams candidates; a candidate ending in &lt;/s&gt; within the
/// top <c>beams</c> becomes a finished hypothesis scored sum(log p) / length^penalty; an input is done when it has
/// <c>beams</c> finished hypotheses none of its live beams can beat. One beam is greedy search.
/// </summary>
internal sealed class BeamSearch
{
    private readonly int _batch;
    private readonly int _beams;
    private readonly int _eos;
    private readonly double _lengthPenalty;
    private List<int>[] _sequences;
    private float[] _scores;
    private readonly List<(double Score, List<int> Tokens)>[] _finished;
    private readonly bool[] _done;

    public BeamSearch(int batch, int beams, int start, int eos, double lengthPenalty)
    {
        _batch = batch;
        _beams = beams;
        _eos = eos;
        _lengthPenalty = lengthPenalty;
        _sequences = new List<int>[batch * beams];
        _scores = new float[batch * beams];
        for (var r = 0; r < _sequences.Length; r++)
        {
            _sequences[r] = [start];
            // Only the first beam of each input is live at the start, or every beam would pick the same token.
            _scores[r] = r % beams == 0 ? 0 : float.NegativeInfinity;
        }

        _finished = new List<(double, List<int>)>[batch];
        for (var b = 0; b < batch; b++)
        {
            _finished[b] = [];
        }

        _done = new bool[batch];
    }

    public bool Done => _done.All(d => d);

    /// <summary>The decoder input of a row so far, starting with the start token.</summary>
    public IReadOnlyList<int> Sequence(int row) => _sequences[row];

    /// <summary>Advances every unfinished input by one token, given the next-token log-probabilities per row.</summary>
    public void Step(float[][] logProbs, bool forceEos)
    {
        var sequences = new List<int>[_sequences.Length];
        var scores = new float[_scores.Length];
        var candidateCount = 2 * _beams;
        for (var b = 0; b < _batch; b++)
        {
            if (_done[b])
            {
                for (var k = 0; k < _beams; k++)
                {
                    var r = b * _beams + k;
                    sequences[r] = [.. _sequences[r], _eos];
                    scores[r] = float.NegativeInfinity;
                }

                continue;
            }

            // The best 2×beams (score, beam, token), best first.
            var top = new List<(float Score, int Beam, int Token)>(candidateCount + 1);
            for (var k = 0; k < _beams; k++)
            {
                var r = b * _beams + k;
                if (float.IsNegativeInfinity(_scores[r]))
                {
                    continue;
                }

                var row = logProbs[r];
                if (forceEos)
                {
                    Insert(top, (_scores[r] + row[_eos], k, _eos), candidateCount);
                    continue;
                }

                for (var v = 0; v < row.Length; v++)
                {
                    var s = _scores[r] + row[v];
                    if (!float.IsNegativeInfinity(s) && (top.Count < candidateCount || s > top[^1].Score))
                    {
                        Insert(top, (s, k, v), candidateCount);
                    }
                }
            }

            var live = new List<(float Score, int Beam, int Token)>(_beams);
            var generated = _sequences[b * _beams].Count; // tokens after this step, the start token excluded
            for (var rank = 0; rank < top.Count && live.Count < _beams; rank++)
            {
                var c = top[rank];
                if (c.Token == _eos)
                {
                    if (rank < _beams)
                    {
                        AddFinished(b, [.. _sequences[b * _beams + c.Beam].Skip(1)], c.Score, generated);
                    }
                }
                else
                {
                    live.Add(c);
                }
            }

            for (var i = 0; i < _beams; i++)
            {
                var r = b * _beams + i;
                if (i < live.Count)
                {
                    sequences[r] = [.. _sequences[b * _beams + live[i].Beam], live[i].Token];
                    scores[r] = live[i].Score;
                }
                else
                {
                    sequences[r] = [.. _sequences[b * _beams], _eos];
                    scores[r] = float.NegativeInfinity;
                }
            }

            var finished = _finished[b];
            _done[b] = live.Count == 0
                || (finished.Count >= _beams && live[0].Score / Math.Pow(generated, _lengthPenalty) <= finished[^1].Score);
        }

        _sequences = sequences;
        _scores = scores;
    }

    /// <summary>The best hypothesis per input, without the start token and &lt;/s&gt;.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Best()
    {
        var result = new List<IReadOnlyList<int>>(_batch);
        for (var b = 0; b < _batch; b++)
        {
            if (_finished[b].Count > 0)
            {
                result.Add(_finished[b][0].Tokens);
                continue;
            }

            // Stopped by the length limit without </s>: the best live beam.
            var best = Enumerable.Range(b * _beams, _beams).MaxBy(r => _scores[r]);
            result.Add([.. _sequences[best].Skip(1)]);
        }

        return result;
    }

    private void AddFinished(int b, List<int> tokens, float sum, int length)
    {
        var score = sum / Math.Pow(Math.Max(1, length), _lengthPenalty);
        var list = _finished[b];
        var at = list.FindIndex(f => f.Score < score);
        list.Insert(at < 0 ? list.Count : at, (score, tokens));
        if (list.Count > _beams)
        {
            list.RemoveAt(list.Count - 1);
        }
    }

    private static void Insert(List<(float Score, int Beam, int Token)> top, (float Score, int Beam, int Token) c, int capacity)
    {
        var at = top.Count;
        while (at > 0 && top[at - 1].Score < c.Score)
        {
            at--;
        }

        if (at >= capacity)
        {
            return;
        }

        top.Insert(at, c);
        if (top.Count > capacity)
        {
            top.RemoveAt(top.Count - 1);
        }
    }
}
