using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>A case as its customer sees it (<see cref="CustomerCase"/>): the conversation, staff by their names, nothing internal.</summary>
internal static class CustomerCaseViews
{
    public static async Task<CustomerCase> ViewAsync(Case item, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var messages = new List<CustomerCaseMessage>(item.Packet.Transcript.Count);
        foreach (var line in item.Packet.Transcript)
        {
            if (line.From.StartsWith("human:", StringComparison.Ordinal))
            {
                var staffId = line.From["human:".Length..];
                if (!names.TryGetValue(staffId, out var name))
                {
                    name = (await staff.GetAsync(staffId, cancellationToken))?.Name;
                    names[staffId] = name;
                }

                messages.Add(new CustomerCaseMessage("staff", name, line.Text, line.At));
                continue;
            }

            var from = line.From switch
            {
                "customer" => "customer",
                LeeNames.Actor or LeeNames.Author or LeeNames.Source or "tier0" => LeeNames.Author,
                _ => "system",
            };
            messages.Add(new CustomerCaseMessage(from, null, line.Text, line.At));
        }

        return new CustomerCase(item.Id, item.Status, item.CreatedAt, item.ClosedAt, messages);
    }
}
