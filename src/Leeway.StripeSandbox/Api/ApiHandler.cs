using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Api;

/// <summary>A Stripe API endpoint: reads the call, changes the world, returns the object (or throws an <see cref="Wire.ApiException"/>).</summary>
internal delegate JsonObject ApiHandler(ApiCall call);
