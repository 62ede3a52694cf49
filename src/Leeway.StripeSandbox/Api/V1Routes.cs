using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Leeway.StripeSandbox.Api;

/// <summary>The Stripe API surface the sandbox speaks (<c>/v1/...</c>), each route through <see cref="V1Pipeline"/>.</summary>
internal static class V1Routes
{
    public static void MapV1(this IEndpointRouteBuilder app, Sandbox sandbox)
    {
        var v1 = app.MapGroup("/v1");
        void Get(string pattern, ApiHandler handler) => v1.MapGet(pattern, V1Pipeline.Endpoint(sandbox, handler));
        void Post(string pattern, ApiHandler handler) => v1.MapPost(pattern, V1Pipeline.Endpoint(sandbox, handler));
        void Delete(string pattern, ApiHandler handler) => v1.MapDelete(pattern, V1Pipeline.Endpoint(sandbox, handler));

        Post("/customers", CustomersApi.Create);
        Get("/customers", CustomersApi.List);
        Get("/customers/{id}", CustomersApi.Retrieve);
        Post("/customers/{id}", CustomersApi.Update);
        Delete("/customers/{id}", CustomersApi.Delete);
        Get("/customers/{id}/payment_methods", CustomersApi.PaymentMethods);
        Post("/customers/{id}/balance_transactions", CustomersApi.CreateBalanceTransaction);
        Get("/customers/{id}/balance_transactions", CustomersApi.BalanceTransactions);
        Get("/customers/{id}/balance_transactions/{transaction}", CustomersApi.BalanceTransaction);
        Post("/customers/{id}/balance_transactions/{transaction}", CustomersApi.UpdateBalanceTransaction);

        Post("/payment_methods", PaymentMethodsApi.Create);
        Get("/payment_methods", PaymentMethodsApi.List);
        Get("/payment_methods/{id}", PaymentMethodsApi.Retrieve);
        Post("/payment_methods/{id}", PaymentMethodsApi.Update);
        Post("/payment_methods/{id}/attach", PaymentMethodsApi.Attach);
        Post("/payment_methods/{id}/detach", PaymentMethodsApi.Detach);

        // Anything else under /v1: Stripe's 404 for an unknown URL, in its envelope.
        v1.Map("/{**rest}", V1Pipeline.Endpoint(sandbox, call => throw new Wire.ApiException(404, "invalid_request_error",
            $"Unrecognized request URL ({call.Http.Request.Method}: {call.Http.Request.Path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.")));
    }
}
