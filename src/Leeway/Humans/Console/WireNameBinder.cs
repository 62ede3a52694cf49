using Leeway.Storage;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Leeway.Humans.Console;

/// <summary>
/// Binds a form field to one of the domain's words (<typeparamref name="T"/>) by its wire spelling (<see cref="WireName"/>),
/// so <c>retry_payment</c> is <c>ActionType.RetryPayment</c>; any other text is a model error naming the words it may be.
/// </summary>
internal sealed class WireNameBinder<T> : IModelBinder
    where T : struct, Enum
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None || string.IsNullOrWhiteSpace(value.FirstValue))
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        if (WireName.TryParse(value.FirstValue.Trim(), out T parsed))
        {
            bindingContext.Result = ModelBindingResult.Success(parsed);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName,
                $"'{value.FirstValue}' is not one of {string.Join(", ", WireName.All<T>())}.");
        }

        return Task.CompletedTask;
    }
}
