namespace Leeway.StripeSandbox; public static class Placeholder { }
