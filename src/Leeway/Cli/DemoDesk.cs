using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Identity;

namespace Leeway.Cli;

/// <summary>
/// <c>leeway serve</c>'s people side: a demo staff account for the console, and cases opened through the real path
/// (a customer asks Lee for a person) for the demo customers whose trouble only a person can settle, so the queue is
/// not empty on first look.
/// </summary>
internal static class DemoDesk
{
    public const string StaffEmail = "staff@demo.leeway.test";
    public const string StaffPassword = "leeway-demo-staff";

    /// <summary>Settings that create the demo staff account at start (never changes an existing one).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Humans:Staff:0:Email", StaffEmail),
        new("Humans:Staff:0:Name", "Dana Demo"),
        new("Humans:Staff:0:Password", StaffPassword),
        new("Humans:Staff:0:Role", StaffRoles.Admin),
    ];

    public static async Task OpenCasesAsync(IServiceProvider services, IEnumerable<string> customerIds, CancellationToken ct)
    {
        var diagnostics = services.GetRequiredService<IDiagnosisService>();
        var cases = services.GetRequiredService<ICaseStore>();
        var conversations = services.GetRequiredService<ConversationStore>();
        foreach (var customerId in customerIds)
        {
            if ((await cases.ListForCustomerAsync(customerId, ct)).Count > 0
                || await diagnostics.DiagnoseAsync(customerId, ct) is not { RecommendedAction: RecommendedAction.ContactHuman } diagnosis)
            {
                continue; // Already has a case (a restart with the same data folder), or nothing a person must settle.
            }

            try
            {
                var conversation = await conversations.StartAsync(customerId, "chat", ct);
                await services.GetRequiredService<AgentLee>().HandleAsync(conversation, $"{MeterWords(diagnosis)} I would like to talk to a person, please.", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The demo still starts; only its queue is emptier.
                await Console.Error.WriteLineAsync($"demo: could not open a case for {customerId}: {e.Message}");
            }
        }
    }

    private static string MeterWords(Diagnosis diagnosis) => diagnosis.RootCause switch
    {
        RootCause.DisputeOpen => "My bank says one of my payments is disputed.",
        RootCause.PaymentBlockedRisk => "My payments keep getting blocked.",
        _ => "Something is wrong with my billing.",
    };
}
