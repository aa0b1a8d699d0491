namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// A sentence as lower-case words, contractions opened ("we're" is "we are", "won't" is "will not") and clause
/// breaks (commas, semicolons, colons) kept as "," tokens, each with where it starts in the sentence.
/// </summary>
internal sealed class SentenceWords
{
    // Real task sentences are far shorter; the bound keeps the cost of a run-on paragraph flat.
    private const int MaxWords = 48;

    private readonly List<(string Word, int Start)> _words = new(24);

    private SentenceWords()
    {
    }

    public int Count => _words.Count;

    public string this[int index] => index >= 0 && index < _words.Count ? _words[index].Word : string.Empty;

    /// <summary>Where the word at <paramref name="index"/> starts in the sentence.</summary>
    public int StartOf(int index) => _words[index].Start;

    public bool IsBreak(int index) => this[index] == ",";

    public static SentenceWords Of(string sentence)
    {
        var words = new SentenceWords();
        var i = 0;
        while (i < sentence.Length && words._words.Count < MaxWords)
        {
            var c = sentence[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || IsJoiner(sentence, i)))
                {
                    i++;
                }

                words.Add(sentence[start..i].Replace('’', '\'').Replace('‘', '\'').ToLowerInvariant(), start);
                continue;
            }

            if (c is ',' or ';' or ':' && (words._words.Count == 0 || words._words[^1].Word != ","))
            {
                words._words.Add((",", i));
            }

            i++;
        }

        return words;
    }

    // A hyphen or apostrophe between letters stays inside the word: "re-enable", "we're".
    private static bool IsJoiner(string text, int i) =>
        text[i] is '-' or '\'' or '’' or '‘' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private void Add(string word, int start)
    {
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe < 0)
        {
            _words.Add((word, start));
            return;
        }

        var (stem, tail) = (word[..apostrophe], word[(apostrophe + 1)..]);
        switch (tail)
        {
            case "re":
                _words.Add((stem, start));
                _words.Add(("are", start));
                break;
            case "ll":
                _words.Add((stem, start));
                _words.Add(("will", start));
                break;
            case "ve":
                _words.Add((stem, start));
                _words.Add(("have", start));
                break;
            case "m":
                _words.Add((stem, start));
                _words.Add(("am", start));
                break;
            case "t" when stem.EndsWith('n'):
                _words.Add((stem switch { "won" => "will", "can" => "can", "shan" => "shall", _ => stem[..^1] }, start));
                _words.Add(("not", start));
                break;
            case "s" when stem is "it" or "that" or "there" or "here" or "what":
                _words.Add((stem, start));
                _words.Add(("is", start));
                break;
            case "s" when stem == "let":
                _words.Add(("let", start));
                _words.Add(("us", start));
                break;
            default:
                // A possessive ("team's") or an apostrophe dropped in typing ("dont"): the word without it.
                _words.Add((word.Replace("'", string.Empty, StringComparison.Ordinal), start));
                break;
        }
    }
}
