using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Leeway.Tests.Architecture;

/// <summary>
/// The compiled product read as IL (Mono.Cecil): every type with what it references — base types, fields, signatures and
/// every call, field access and type token in its method bodies. Nested types (async state machines, lambdas' closures)
/// belong to the top-level type that holds them, so a reference written in an <c>async</c> method counts where it was written.
/// </summary>
internal static class ProductIl
{
    private static readonly Lazy<ModuleDefinition> Loaded = new(() =>
        ModuleDefinition.ReadModule(typeof(LeewayApp).Assembly.Location, new ReaderParameters { ReadSymbols = false }));

    public static ModuleDefinition Module => Loaded.Value;

    /// <summary>Every type of the product, nested ones included.</summary>
    public static IEnumerable<TypeDefinition> Types => Module.Types.SelectMany(Flatten);

    /// <summary>The capability folder a product type lives in (<c>Leeway.Humans.Console</c> is Humans); null for the root.</summary>
    public static string? CapabilityOf(TypeReference type)
    {
        var ns = TopLevel(type).Namespace;
        var parts = ns.Split('.');
        return parts.Length >= 2 && parts[0] == "Leeway" ? parts[1] : null;
    }

    public static TypeReference TopLevel(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>Every type a product type refers to, with where (for failure messages).</summary>
    public static IEnumerable<(TypeReference Target, string Where)> TypeReferences(TypeDefinition type)
    {
        foreach (var t in Expand(type.BaseType))
        {
            yield return (t, $"{type.FullName} (base type)");
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
        {
            yield return (t, $"{type.FullName} (interface)");
        }

        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType))
            {
                yield return (t, $"{type.FullName}.{field.Name}");
            }
        }

        foreach (var method in type.Methods)
        {
            var where = $"{type.FullName}::{method.Name}";
            foreach (var t in Expand(method.ReturnType).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType))))
            {
                yield return (t, where);
            }

            foreach (var (operand, _) in Operands(method))
            {
                var targets = operand switch
                {
                    MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
                        .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
                    FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
                    TypeReference t => Expand(t),
                    _ => [],
                };
                foreach (var t in targets)
                {
                    yield return (t, where);
                }
            }
        }
    }

    /// <summary>Every method called (or taken as a delegate) in a method's body.</summary>
    public static IEnumerable<MethodReference> Calls(MethodDefinition method) =>
        Operands(method).Select(o => o.Operand).OfType<MethodReference>();

    /// <summary>Whether <paramref name="method"/> reaches a call to <paramref name="target"/>, through the product's own
    /// methods, async state machines and lambdas.</summary>
    public static bool Reaches(MethodDefinition method, Func<MethodReference, bool> target)
    {
        var seen = new HashSet<MethodDefinition>();
        var todo = new Stack<MethodDefinition>([method]);
        while (todo.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var call in Calls(current).Concat(StateMachineMoveNext(current)))
            {
                if (target(call))
                {
                    return true;
                }

                if (call.Module == Module && call.Resolve() is { } own)
                {
                    todo.Push(own);
                }
            }
        }

        return false;
    }

    private static IEnumerable<MethodReference> StateMachineMoveNext(MethodDefinition method) =>
        method.CustomAttributes
            .Where(a => a.AttributeType.Name is "AsyncStateMachineAttribute" or "IteratorStateMachineAttribute" or "AsyncIteratorStateMachineAttribute")
            .Select(a => ((TypeReference)a.ConstructorArguments[0].Value).Resolve())
            .SelectMany(machine => machine.Methods.Where(m => m.Name == "MoveNext"));

    private static IEnumerable<(object Operand, Instruction At)> Operands(MethodDefinition method) =>
        method.HasBody
            ? method.Body.Instructions.Where(i => i.Operand is MemberReference).Select(i => (i.Operand, i))
            : [];

    /// <summary>A type and the types inside it: element types of arrays and by-refs, generic arguments.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case null:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)))
                {
                    yield return t;
                }

                break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType))
                {
                    yield return t;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }

    private static IEnumerable<TypeDefinition> Flatten(TypeDefinition type) => type.NestedTypes.SelectMany(Flatten).Prepend(type);
}
