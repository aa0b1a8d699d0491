namespace ActionBot.GitHub.Webhooks;

/// <summary>
/// Matches repository paths against globs: <c>**</c> as a whole segment spans zero or more folders,
/// <c>*</c> any run of characters within a segment, <c>?</c> one character other than <c>/</c>.
/// Case-sensitive, forward slashes, no character classes. Matching remembers only the last star at each
/// level, so it runs in O(pattern × path) at worst and never backtracks exponentially.
/// </summary>
public sealed class PostmortemPathMatcher
{
    private const string Globstar = "**";

    private readonly string[] _patterns;

    public PostmortemPathMatcher(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = new string[patterns.Count];
        for (var i = 0; i < _patterns.Length; i++)
        {
            _patterns[i] = patterns[i].TrimStart('/');
        }
    }

    public bool IsMatch(ReadOnlySpan<char> path)
    {
        foreach (var pattern in _patterns)
        {
            if (IsMatch(pattern, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a file somewhere below <paramref name="folder"/> could match: the folder's segments fit the start of a pattern.</summary>
    public bool MayMatchBelow(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var segments = folder.Trim('/').Split('/');
        foreach (var pattern in _patterns)
        {
            var parts = pattern.Split('/');
            var i = 0;
            while (i < segments.Length && i < parts.Length - 1 && parts[i] != Globstar && IsSegmentMatch(parts[i], segments[i]))
            {
                i++;
            }

            // A globstar reached, or every folder segment fitted with the pattern's file name still ahead.
            if ((i < parts.Length && parts[i] == Globstar) || i == segments.Length)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path)
    {
        // Segment by segment; a "**" segment is the star, any other segment matches exactly one path segment.
        var p = new SegmentCursor(pattern);
        var s = new SegmentCursor(path);
        var resumePattern = p;
        var resumePath = s;
        var hasGlobstar = false;
        while (!s.AtEnd)
        {
            if (!p.AtEnd && p.Current.SequenceEqual(Globstar))
            {
                p.MoveNext();
                resumePattern = p;
                resumePath = s;
                hasGlobstar = true;
            }
            else if (!p.AtEnd && IsSegmentMatch(p.Current, s.Current))
            {
                p.MoveNext();
                s.MoveNext();
            }
            else if (hasGlobstar)
            {
                // Let the last "**" swallow one more segment and try again from there.
                resumePath.MoveNext();
                s = resumePath;
                p = resumePattern;
            }
            else
            {
                return false;
            }
        }

        while (!p.AtEnd && p.Current.SequenceEqual(Globstar))
        {
            p.MoveNext();
        }

        return p.AtEnd;
    }

    // The same scheme within one segment: '*' is the star, '?' and literals consume one character.
    private static bool IsSegmentMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> segment)
    {
        int p = 0, s = 0, starPattern = -1, starSegment = 0;
        while (s < segment.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starPattern = ++p;
                starSegment = s;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == segment[s]))
            {
                p++;
                s++;
            }
            else if (starPattern >= 0)
            {
                p = starPattern;
                s = ++starSegment;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Walks '/'-separated segments of a span without allocating; copies are cheap bookmarks.
    private ref struct SegmentCursor
    {
        private readonly ReadOnlySpan<char> _text;
        private int _start;
        private int _end;

        public SegmentCursor(ReadOnlySpan<char> text)
        {
            _text = text;
            _start = 0;
            _end = FindEnd(text, 0);
        }

        public readonly bool AtEnd => _start > _text.Length;

        public readonly ReadOnlySpan<char> Current => _text[_start.._end];

        public void MoveNext()
        {
            _start = _end + 1;
            _end = _start > _text.Length ? _start : FindEnd(_text, _start);
        }

        private static int FindEnd(ReadOnlySpan<char> text, int start)
        {
            var slash = text[start..].IndexOf('/');
            return slash < 0 ? text.Length : start + slash;
        }
    }
}
