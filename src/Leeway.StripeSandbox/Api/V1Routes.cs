using Leeway.StripeSandbox.Objects;
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

        Post("/products", CatalogApi.CreateProduct);
        Get("/products", CatalogApi.ListProducts);
        Get("/products/{id}", CatalogApi.RetrieveProduct);
        Post("/products/{id}", CatalogApi.UpdateProduct);
        Post("/prices", CatalogApi.CreatePrice);
        Get("/prices", CatalogApi.ListPrices);
        Get("/prices/{id}", CatalogApi.RetrievePrice);
        Post("/prices/{id}", CatalogApi.UpdatePrice);

        Post("/subscriptions", SubscriptionsApi.Create);
        Get("/subscriptions", SubscriptionsApi.List);
        Get("/subscriptions/{id}", SubscriptionsApi.Retrieve);
        Post("/subscriptions/{id}", SubscriptionsApi.Update);
        Delete("/subscriptions/{id}", SubscriptionsApi.Cancel);
        Get("/subscription_items", SubscriptionsApi.ListItems);
        Get("/subscription_items/{id}", SubscriptionsApi.RetrieveItem);

        Post("/invoices", InvoicesApi.Create);
        Get("/invoices", InvoicesApi.List);
        Get("/invoices/{id}", InvoicesApi.Retrieve);
        Post("/invoices/{id}", InvoicesApi.Update);
        Delete("/invoices/{id}", InvoicesApi.Delete);
        Post("/invoices/{id}/add_lines", InvoicesApi.AddLines);
        Post("/invoices/{id}/finalize", InvoicesApi.Finalize);
        Post("/invoices/{id}/pay", InvoicesApi.Pay);
        Post("/invoices/{id}/send", InvoicesApi.Send);
        Post("/invoices/{id}/void", InvoicesApi.Void);
        Post("/invoices/{id}/mark_uncollectible", InvoicesApi.MarkUncollectible);
        Get("/invoices/{id}/lines", InvoicesApi.Lines);
        Get("/invoice_payments", InvoicesApi.ListPayments);
        Get("/invoice_payments/{id}", InvoicesApi.RetrievePayment);

        Post("/payment_intents", PaymentIntentsApi.Create);
        Get("/payment_intents", PaymentIntentsApi.List);
        Get("/payment_intents/{id}", PaymentIntentsApi.Retrieve);
        Post("/payment_intents/{id}", PaymentIntentsApi.Update);
        Post("/payment_intents/{id}/confirm", PaymentIntentsApi.ConfirmRoute);
        Post("/payment_intents/{id}/cancel", PaymentIntentsApi.Cancel);

        Get("/charges", ChargesApi.List);
        Get("/charges/{id}", ChargesApi.Retrieve);
        Post("/charges/{id}", ChargesApi.Update);
        Get("/charges/{id}/refunds", ChargesApi.Refunds);
        Get("/charges/{id}/refunds/{refund}", ChargesApi.Refund);

        Post("/refunds", RefundsApi.Create);
        Get("/refunds", RefundsApi.List);
        Get("/refunds/{id}", RefundsApi.Retrieve);
        Post("/refunds/{id}", RefundsApi.Update);
        Post("/refunds/{id}/cancel", RefundsApi.Cancel);

        Get("/disputes", DisputesApi.List);
        Get("/disputes/{id}", DisputesApi.Retrieve);
        Post("/disputes/{id}", DisputesApi.Update);
        Post("/disputes/{id}/close", DisputesApi.Close);

        Post("/checkout/sessions", CheckoutApi.Create);
        Get("/checkout/sessions", CheckoutApi.List);
        Get("/checkout/sessions/{id}", CheckoutApi.Retrieve);
        Get("/setup_intents/{id}", call => call.Render(call.World.Get<SetupIntent>(call.Route("id"), "setup intent")));
        Post("/checkout/sessions/{id}/expire", CheckoutApi.Expire);
        Get("/checkout/sessions/{id}/line_items", CheckoutApi.LineItems);
        Post("/billing_portal/sessions", CheckoutApi.CreatePortalSession);

        Get("/events", EventsApi.List);
        Get("/events/{id}", EventsApi.Retrieve);
        Post("/webhook_endpoints", EventsApi.CreateEndpoint);
        Get("/webhook_endpoints", EventsApi.ListEndpoints);
        Get("/webhook_endpoints/{id}", EventsApi.RetrieveEndpoint);
        Post("/webhook_endpoints/{id}", EventsApi.UpdateEndpoint);
        Delete("/webhook_endpoints/{id}", EventsApi.DeleteEndpoint);

        Post("/test_helpers/test_clocks", TestClocksApi.Create);
        Get("/test_helpers/test_clocks", TestClocksApi.List);
        Get("/test_helpers/test_clocks/{id}", TestClocksApi.Retrieve);
        Post("/test_helpers/test_clocks/{id}/advance", TestClocksApi.Advance);
        Delete("/test_helpers/test_clocks/{id}", TestClocksApi.Delete);

        // Anything else under /v1: Stripe's 404 for an unknown URL, in its envelope.
        v1.Map("/{**rest}", V1Pipeline.Endpoint(sandbox, call => throw new Wire.ApiException(404, "invalid_request_error",
            $"Unrecognized request URL ({call.Http.Request.Method}: {call.Http.Request.Path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.")));
    }
}
