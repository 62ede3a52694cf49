namespace Leeway.Identity;

/// <summary>On whose behalf something happens. A customer owns only their own Stripe objects.</summary>
internal sealed record Principal(PrincipalKind Kind, string Id)
{
    public static Principal Customer(string customerId) => new(PrincipalKind.Customer, customerId);

    public static Principal Staff(string staffId) => new(PrincipalKind.Staff, staffId);

    public static Principal Service(string name) => new(PrincipalKind.Service, name);

    public bool IsCustomer => Kind == PrincipalKind.Customer;

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}

internal enum PrincipalKind
{
    Customer,
    Staff,
    Service,
}
