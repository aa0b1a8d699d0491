using System.Text;

namespace ActionBot.Tests.Hosting;

/// <summary>A strict RFC 4180 reader for the tests: CRLF between records (and after the last), quotes only around whole fields.</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "a quoted field ends with a quote");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }

                Assert.True(i == text.Length || text[i] is ',' or '\r', $"a quoted field is followed by a comma or CRLF (at {i})");
            }
            else if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"CR is followed by LF (at {i})");
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else
            {
                Assert.False(text[i] is '"' or '\n', $"a bare quote or LF sits in an unquoted field (at {i})");
                field.Append(text[i++]);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "the last record ends with CRLF");
        return records;
    }
}
