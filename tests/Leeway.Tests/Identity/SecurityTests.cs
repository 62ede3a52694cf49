using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Leeway.Audit;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Storage;

namespace Leeway.Tests.Identity;

/// <summary>
/// One test per hardening finding of issue 16, each driven through the real host over HTTP (and, where the finding is
/// about storage, on SQLite and on PostgreSQL). Each of these failed on the code before the hardening landed.
/// </summary>
public sealed class SecurityTests
{
    private const string Customer = "cus_security";

    // --- Request bodies -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_chunked_webhook_body_over_1_MiB_is_refused_with_413_before_it_is_read_whole()
    {
        await using var host = await SecurityHost.StartAsync();

        // 28 MiB offered, chunked (no Content-Length): refused once the first MiB is in, not after reading it all.
        var (status, sent) = await ChunkedPostAsync(host, "/webhooks/stripe", 28 << 20, "Stripe-Signature: t=1,v1=00\r\n");

        Assert.Equal(413, status);
        Assert.True(sent < 28 << 20, $"the client got to send all {sent} bytes");
    }

    [Fact]
    public async Task A_webhook_body_declared_over_1_MiB_is_refused_with_413()
    {
        await using var host = await SecurityHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new ByteArrayContent(new byte[(1 << 20) + 1]) };
        request.Headers.Add("Stripe-Signature", "t=1,v1=00");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_30_MB_gets_413_not_500_wherever_it_is_sent()
    {
        await using var host = await SecurityHost.StartAsync();
        var bearer = $"Authorization: Bearer {host.CustomerToken(Customer)}\r\n";

        foreach (var path in new[] { "/webhooks/stripe", "/api/v1/conversations" })
        {
            var (status, _) = await ChunkedPostAsync(host, path, 31_000_000, bearer + "Stripe-Signature: t=1,v1=00\r\n");
            Assert.True(status == 413, $"{path}: {status}");
        }

        // A well-formed form to a page too: antiforgery reads the form first and took the failed read for a bad form (400).
        foreach (var path in new[] { "/console/sign-in" })
        {
            var (status, _) = await ChunkedPostAsync(host, path, 31_000_000, bearer, form: true);
            Assert.True(status == 413, $"{path}: {status}");
        }
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_stripe_event_is_refused_with_400()
    {
        await using var host = await SecurityHost.StartAsync();
        foreach (var payload in new[] { "[1,2,3]", "\"evt\"", "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"data\":[]}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", SecurityHost.Sign(payload));

            using var response = await host.Http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{payload}: {(int)response.StatusCode} {string.Join('\n', host.Logs.Lines.Where(l => l.Message.Contains("Exception", StringComparison.Ordinal)).Select(l => l.Message))}");
        }
    }

    // --- Rate limits --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Opening_conversations_in_a_burst_is_rate_limited_with_429_retry_after_and_problem_details()
    {
        await using var host = await SecurityHost.StartAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            using var request = host.AsCustomer(HttpMethod.Post, "/api/v1/conversations", Customer);
            request.Content = JsonContent.Create(new { channel = "chat" });
            var response = await host.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.Created, s));
            Assert.InRange(statuses.Count, 2, 99);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        }

        // Another customer's chat is not held up by this one's.
        using var other = host.AsCustomer(HttpMethod.Post, "/api/v1/conversations", "cus_someone_else");
        other.Content = JsonContent.Create(new { channel = "chat" });
        using var otherResponse = await host.Http.SendAsync(other);
        Assert.Equal(HttpStatusCode.Created, otherResponse.StatusCode);
    }

    [Fact]
    public async Task Talk_to_a_person_is_rate_limited()
    {
        await using var host = await SecurityHost.StartAsync();
        var cookie = $"leeway_customer={Uri.EscapeDataString(host.CustomerToken(Customer))}";

        var refused = await FirstRefusalAsync(host, 40, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/me?handler=Human") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "a person please" }) };
            request.Headers.Add("Cookie", cookie);
            return request;
        });

        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Staff_sign_in_posts_are_rate_limited_per_address()
    {
        await using var host = await SecurityHost.StartAsync();

        var refused = await FirstRefusalAsync(host, 60, () => new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "nobody@example.com", ["Password"] = "guess-guess" }),
        });

        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Sign_in_links_are_rate_limited_per_address()
    {
        await using var host = await SecurityHost.StartAsync();

        var refused = await FirstRefusalAsync(host, 100, () => new HttpRequestMessage(HttpMethod.Get, "/me/sign-in?token=lwy1.guess.guess"));

        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    // --- Staff sign-in: lockout, audit, sign-out ----------------------------------------------------------------------

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_staff_account_locks_after_repeated_wrong_passwords_even_against_the_right_one(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        await host.Get<IStaffDirectory>().CreateAsync("ann@example.com", "Ann", "right-password-1", StaffRoles.Agent, default);

        for (var i = 0; i < 6; i++)
        {
            using var wrong = await host.StaffSignInAsync("ann@example.com", $"wrong-password-{i}");
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }

        using var right = await host.StaffSignInAsync("ann@example.com", "right-password-1");

        Assert.NotEqual(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SecurityHost.CookiesOf(right).Split("; "), c => c.StartsWith("leeway_staff=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_failed_staff_sign_in_is_audited(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        await host.Get<IStaffDirectory>().CreateAsync("bo@example.com", "Bo", "right-password-1", StaffRoles.Agent, default);

        (await host.StaffSignInAsync("bo@example.com", "wrong-password")).Dispose();
        (await host.StaffSignInAsync("nobody@example.com", "wrong-password")).Dispose();

        var failed = await host.Get<IAuditLog>().ListAsync(new AuditQuery(Action: "staff_sign_in_failed"), default);
        Assert.Equal(2, failed.Count);
        Assert.Contains(failed, e => e.Parameters.Contains("bo@example.com", StringComparison.Ordinal));
        Assert.All(failed, e => Assert.DoesNotContain("wrong-password", e.Parameters, StringComparison.Ordinal));
        Assert.True((await host.Get<AuditVerifier>().VerifyAsync(default)).Intact);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Staff_sign_out_revokes_the_session_cookie(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        await host.Get<IStaffDirectory>().CreateAsync("cy@example.com", "Cy", "right-password-1", StaffRoles.Agent, default);
        using var signIn = await host.StaffSignInAsync("cy@example.com", "right-password-1");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = SecurityHost.CookiesOf(signIn);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/console", session));

        var (token, cookies) = await host.FormAsync("/console", session);
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in?handler=SignOut") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__antiforgery"] = token }) };
        signOut.Headers.Add("Cookie", cookies);
        using var signedOut = await host.Http.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // The cookie as it was before signing out (a copy an attacker kept) no longer opens the console.
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(host, "/console", session));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Customer_sign_out_revokes_the_token(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        var token = host.CustomerToken(Customer);
        Assert.Equal(HttpStatusCode.OK, await BearerStatusAsync(host, HttpMethod.Get, "/api/v1/me/nudges", token));

        Assert.Equal(HttpStatusCode.NoContent, await BearerStatusAsync(host, HttpMethod.Post, "/api/v1/me/sign-out", token));

        Assert.Equal(HttpStatusCode.Unauthorized, await BearerStatusAsync(host, HttpMethod.Get, "/api/v1/me/nudges", token));
        using var cookieRequest = new HttpRequestMessage(HttpMethod.Get, "/me");
        cookieRequest.Headers.Add("Cookie", $"leeway_customer={Uri.EscapeDataString(token)}");
        using var page = await host.Http.SendAsync(cookieRequest);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        // A token issued afterwards still works: only the one signed out is revoked.
        Assert.Equal(HttpStatusCode.OK, await BearerStatusAsync(host, HttpMethod.Get, "/api/v1/me/nudges", host.CustomerToken(Customer)));
    }

    // --- Secrets ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Sign_in_link_tokens_never_reach_the_request_log()
    {
        await using var host = await SecurityHost.StartAsync();
        var token = host.CustomerToken(Customer);

        using var response = await host.Http.GetAsync($"/me/sign-in?token={Uri.EscapeDataString(token)}&utm=mail");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.Message.Contains("/me/sign-in", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains(token[..20], StringComparison.Ordinal) || l.Message.Contains(token[^20..], StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Key_files_are_created_readable_by_their_owner_only()
    {
        await using var host = await SecurityHost.StartAsync();
        _ = host.Get<Leeway.Identity.ServiceKey>();
        _ = host.Get<Leeway.Identity.CustomerTokens>();

        foreach (var name in new[] { "service.key", "token-signing.key" })
        {
            var path = Path.Combine(host.DataDirectory, name);
            Assert.True(File.Exists(path), name);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    // --- Headers and compression --------------------------------------------------------------------------------------

    [Fact]
    public async Task Pages_and_api_answers_carry_a_content_security_policy_nosniff_and_frame_ancestors()
    {
        await using var host = await SecurityHost.StartAsync();

        foreach (var path in new[] { "/console/sign-in", "/me/sign-in", "/openapi/v1.json" })
        {
            using var response = await host.Http.GetAsync(path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        // The page's own script carries the nonce the policy names, so it still runs.
        using var page = await host.Http.GetAsync("/console/sign-in");
        var nonce = page.Headers.GetValues("Content-Security-Policy").Single().Split("'nonce-")[1].Split('\'')[0];
        Assert.Contains($"<script nonce=\"{nonce}\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_is_sent_behind_https_and_not_over_plain_http()
    {
        await using var host = await SecurityHost.StartAsync();
        using var plain = await host.Http.GetAsync("/console/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var behindTls = await host.Http.SendAsync(request);

        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=", Assert.Single(behindTls.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_are_compressed_when_the_client_accepts_it()
    {
        await using var host = await SecurityHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
    }

    // --- The audit log's head -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Audit_verify_detects_a_wiped_log(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        await AppendAsync(host, 5);

        await ExecuteAsync(host, "DELETE FROM audit_log", "DELETE FROM audit_head");

        var verification = await VerifyAsync(host);
        Assert.False(verification.Intact, verification.ToString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Audit_verify_detects_cut_off_newest_rows_even_with_the_head_row_moved_back(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        await AppendAsync(host, 6);

        await ExecuteAsync(
            host,
            "DELETE FROM audit_log WHERE seq > 4",
            "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4) WHERE id = 1");

        var verification = await VerifyAsync(host);
        Assert.False(verification.Intact, verification.ToString());
        Assert.Equal(5, verification.BrokenSeq);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Audit_verify_detects_a_rewritten_chain_with_recomputed_hashes(string kind)
    {
        await using var host = await SecurityHost.StartAsync(kind);
        await AppendAsync(host, 5);

        // Rewrite entry 2 and recompute every hash after it, as someone with write access to the database could.
        var database = host.Get<Database>();
        await using (var connection = await database.OpenAsync())
        {
            var rows = (await connection.QueryAsync<AuditRow>($"SELECT {AuditRow.Columns} FROM audit_log ORDER BY seq")).Select(r => r.ToEntry()).ToList();
            var prev = rows[0].Hash;
            foreach (var entry in rows.Skip(1))
            {
                var changed = entry.Seq == 2 ? entry with { Parameters = "{\"amount\":1}" } : entry;
                changed = changed with { PrevHash = prev };
                var hash = AuditHash.Compute(changed);
                await connection.ExecuteAsync(
                    "UPDATE audit_log SET parameters = @Parameters, prev_hash = @PrevHash, hash = @hash WHERE seq = @Seq",
                    new { changed.Parameters, changed.PrevHash, hash, changed.Seq });
                prev = hash;
            }

            await connection.ExecuteAsync("UPDATE audit_head SET hash = @prev WHERE id = 1", new { prev });
        }

        var verification = await VerifyAsync(host);
        Assert.False(verification.Intact, verification.ToString());
    }

    private static async Task AppendAsync(SecurityHost host, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await host.Get<IAuditLog>().AppendAsync(
                new AuditRecord("agent-lee", $"customer:{Customer}", Customer, "refund", $"{{\"amount\":{i * 100}}}", "refund_limit", AuditDecision.Allowed),
                default);
        }

        Assert.True((await VerifyAsync(host)).Intact);
    }

    private static async Task ExecuteAsync(SecurityHost host, params string[] statements)
    {
        await using var connection = await host.Get<Database>().OpenAsync();
        foreach (var statement in statements)
        {
            await connection.ExecuteAsync(statement);
        }
    }

    /// <summary>The verification the API answers (the same walk <c>leeway audit verify</c> does).</summary>
    private static async Task<AuditVerification> VerifyAsync(SecurityHost host)
    {
        using var request = host.AsService(HttpMethod.Get, "/api/v1/audit/verify");
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuditVerification>())!;
    }

    private static async Task<HttpResponseMessage> FirstRefusalAsync(SecurityHost host, int attempts, Func<HttpRequestMessage> next)
    {
        for (var i = 0; i < attempts; i++)
        {
            using var request = next();
            var response = await host.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(i, 1, attempts - 1);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                return response;
            }

            response.Dispose();
        }

        Assert.Fail($"{attempts} requests and none was refused with 429");
        return null!;
    }

    private static async Task<HttpStatusCode> StatusAsync(SecurityHost host, string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> BearerStatusAsync(SecurityHost host, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>
    /// Posts <paramref name="bytes"/> bytes chunked over a raw connection while reading the answer, so an answer given
    /// before the body is complete (and the connection closed) is seen rather than lost in a broken pipe.
    /// </summary>
    private static async Task<(int Status, long Sent)> ChunkedPostAsync(SecurityHost host, string path, long bytes, string headers, bool form = false)
    {
        // A form body is fields of 64 KiB each (under the form reader's own key, value and count limits); JSON is spaces.
        var filler = form ? "f=" + new string('x', (64 * 1024) - 3) + "&" : new string(' ', 64 * 1024);
        var contentType = form ? "application/x-www-form-urlencoded" : "application/json";
        var address = host.Http.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var answer = ReadStatusAsync(stream);
        long sent = 0;
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n{headers}\r\n"));
            var chunk = Encoding.ASCII.GetBytes($"{64 * 1024:x}\r\n{filler}\r\n");
            while (sent < bytes && !answer.IsCompleted)
            {
                await stream.WriteAsync(chunk);
                sent += 64 * 1024;
            }

            if (!answer.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server closed the connection mid-body: its answer is already on its way.
        }

        return (await answer.WaitAsync(TimeSpan.FromSeconds(60)), sent);
    }

    private static async Task<int> ReadStatusAsync(System.Net.Sockets.NetworkStream stream)
    {
        var buffer = new byte[4096];
        var text = "";
        while (!text.Contains("\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            text += Encoding.ASCII.GetString(buffer, 0, read);
        }

        return int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
