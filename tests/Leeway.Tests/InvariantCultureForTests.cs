using System.Globalization;
using System.Runtime.CompilerServices;

namespace Leeway.Tests;

/// <summary>
/// The product runs culture-free except where it formats for a customer (see src/Leeway/Program.cs); the tests run the
/// same way whatever the machine's locale, so a test that reads a number or a date reads it as the product writes it.
/// </summary>
internal static class InvariantCultureForTests
{
#pragma warning disable CA2255 // A test assembly, not a library: the culture is this process's to set, once, before any test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
