using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Leeway.Diagnostics.Sources;

/// <summary>
/// Usage from ClickHouse over its HTTP interface (works with old servers such as Debian's 18.16, which the official
/// .NET driver refuses). One read-only query (<c>readonly=1</c>) per diagnosis, <c>FORMAT JSONEachRow</c>, the customer id
/// escaped as a string literal and the database and table validated as identifiers at start.
/// The table: <c>customer_id String, meter String, period_start DateTime, period_end DateTime, quantity Int64, amount Int64</c>.
/// </summary>
internal sealed class ClickHouseUsageSource(IHttpClientFactory httpClients, UsageSourceOptions options) : IUsageSource
{
    public const string ClientName = "diagnostics-usage";

    public string Name => SourceNames.Usage;

    public async Task<IReadOnlyList<UsageRecord>> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var query = Query(options.Database, options.Table, customerId);
        // POST with readonly=1: an 18.x server already makes a GET read-only (readonly=2) and then refuses to be told
        // readonly=1, so the query goes in the body and the setting in the URL.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{options.Url.TrimEnd('/')}/?readonly=1"))
        {
            Content = new StringContent(query, Encoding.UTF8, "text/plain"),
        };
        if (!string.IsNullOrEmpty(options.User))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // ClickHouse puts the reason in the body ("Code: 60, e.displayText() = DB::Exception: Table ... doesn't exist").
            throw new HttpRequestException($"ClickHouse answered {(int)response.StatusCode}: {body.Trim()}", null, response.StatusCode);
        }

        return Parse(body);
    }

    /// <summary>The SELECT for one customer. Identifiers were validated at start; the id is escaped as a string literal.</summary>
    internal static string Query(string database, string table, string customerId) =>
        "SELECT meter, toUnixTimestamp(period_start) AS period_start, toUnixTimestamp(period_end) AS period_end, quantity, amount "
        + $"FROM {Identifier(database)}.{Identifier(table)} WHERE customer_id = {Literal(customerId)} "
        + "ORDER BY meter, period_start FORMAT JSONEachRow";

    /// <summary>A ClickHouse string literal: quotes and backslashes escaped, control characters as escapes.</summary>
    internal static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }

    internal static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Identifier(string name) =>
        IsIdentifier(name) ? $"`{name}`" : throw new ArgumentException($"'{name}' is not a valid ClickHouse identifier.", nameof(name));

    internal static IReadOnlyList<UsageRecord> Parse(string body)
    {
        var records = new List<UsageRecord>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            records.Add(new UsageRecord(
                root.GetProperty("meter").GetString() ?? "",
                DateTimeOffset.FromUnixTimeSeconds(Number(root, "period_start")),
                DateTimeOffset.FromUnixTimeSeconds(Number(root, "period_end")),
                Number(root, "quantity"),
                Number(root, "amount")));
        }

        return records;
    }

    // JSONEachRow quotes 64-bit integers by default (output_format_json_quote_64bit_integers), so accept both.
    private static long Number(JsonElement row, string name)
    {
        var value = row.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : value.GetInt64();
    }
}
