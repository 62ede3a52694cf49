using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/products</c> and <c>/v1/prices</c>, minimal.</summary>
internal static class CatalogApi
{
    public static JsonObject CreateProduct(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var id = p.NonEmpty("id") ?? StripeIds.New("prod_", 14);
        var product = new Product { Id = id, Created = world.Now, Name = p.Required("name"), Description = p.NonEmpty("description"), Active = p.Bool("active") ?? true };
        p.ApplyMetadata(product.Metadata);
        world.Add(product);
        world.Emit("product.created", product);
        return call.Render(product);
    }

    public static JsonObject RetrieveProduct(ApiCall call) => call.Render(call.World.Get<Product>(call.Route("id"), "product"));

    public static JsonObject UpdateProduct(ApiCall call)
    {
        var product = call.World.Get<Product>(call.Route("id"), "product");
        var before = call.World.Render(product);
        var p = call.Params;
        product.Name = p.NonEmpty("name") ?? product.Name;
        product.Description = p.String("description") is { } d ? (d.Length == 0 ? null : d) : product.Description;
        product.Active = p.Bool("active") ?? product.Active;
        if (p.NonEmpty("default_price") is { } price)
        {
            product.DefaultPrice = call.World.Get<Price>(price, "price", "default_price").Id;
        }

        p.ApplyMetadata(product.Metadata);
        product.Updated = call.World.Now;
        call.World.EmitIfChanged("product.updated", product, before);
        return call.Render(product);
    }

    public static JsonObject ListProducts(ApiCall call)
    {
        var active = call.Params.Bool("active");
        return ListPage.Of(call, call.World.All<Product>().Where(x => active is null || x.Active == active), "/v1/products");
    }

    public static JsonObject CreatePrice(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        string productId;
        if (p.NonEmpty("product") is { } existing)
        {
            productId = world.Get<Product>(existing, "product", "product").Id;
        }
        else if (p.Object("product_data") is { } data)
        {
            var product = world.Add(new Product { Id = StripeIds.New("prod_", 14), Created = world.Now, Name = data.Required("name") });
            productId = product.Id;
            world.Emit("product.created", product);
        }
        else
        {
            throw ApiException.InvalidRequest("Missing required param: product.", "product", "parameter_missing");
        }

        var unitAmount = p.Long("unit_amount");
        if (unitAmount is < 0)
        {
            throw ApiException.InvalidRequest("Invalid unit_amount: must be at least 0.", "unit_amount");
        }

        var recurring = p.Object("recurring");
        var price = new Price
        {
            Id = StripeIds.New("price_"),
            Created = world.Now,
            Product = productId,
            UnitAmount = unitAmount,
            Currency = p.Required("currency").ToLowerInvariant(),
            Interval = recurring is null ? null : recurring.Enum("interval", "month", "day", "week", "month", "year"),
            IntervalCount = recurring?.Long("interval_count") ?? 1,
            Nickname = p.NonEmpty("nickname"),
            LookupKey = p.NonEmpty("lookup_key"),
            Active = p.Bool("active") ?? true,
        };
        p.ApplyMetadata(price.Metadata);
        world.Add(price);
        world.Find<Product>(productId)!.DefaultPrice ??= price.Id;
        world.Emit("price.created", price);
        return call.Render(price);
    }

    public static JsonObject RetrievePrice(ApiCall call) => call.Render(call.World.Get<Price>(call.Route("id"), "price"));

    public static JsonObject UpdatePrice(ApiCall call)
    {
        var price = call.World.Get<Price>(call.Route("id"), "price");
        var before = call.World.Render(price);
        var p = call.Params;
        price.Active = p.Bool("active") ?? price.Active;
        price.Nickname = p.String("nickname") is { } n ? (n.Length == 0 ? null : n) : price.Nickname;
        price.LookupKey = p.String("lookup_key") is { } k ? (k.Length == 0 ? null : k) : price.LookupKey;
        p.ApplyMetadata(price.Metadata);
        call.World.EmitIfChanged("price.updated", price, before);
        return call.Render(price);
    }

    public static JsonObject ListPrices(ApiCall call)
    {
        var p = call.Params;
        var product = p.NonEmpty("product");
        var active = p.Bool("active");
        var type = p.NonEmpty("type");
        var currency = p.NonEmpty("currency");
        var lookupKeys = p.Strings("lookup_keys");
        var items = call.World.All<Price>().Where(x =>
            (product is null || x.Product == product)
            && (active is null || x.Active == active)
            && (type is null || (type == "recurring") == (x.Interval is not null))
            && (currency is null || x.Currency == currency)
            && (lookupKeys.Count == 0 || (x.LookupKey is not null && lookupKeys.Contains(x.LookupKey))));
        return ListPage.Of(call, items, "/v1/prices");
    }
}
