namespace Leeway.Tests.Browser;

/// <summary>One headless Chromium for every browser test class (they run one after another in this collection).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
