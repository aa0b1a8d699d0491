using ActionBot.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActionBot.Storage.Tests.TestKit;

/// <summary>
/// Marks a test class (or one test) that needs a PostgreSQL server. Its <see cref="StorageFactAttribute"/> and
/// <see cref="StorageTheoryAttribute"/> tests are reported skipped, with the reason, where none can start.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresPostgresAttribute : Attribute
{
    /// <summary>Why <paramref name="method"/> cannot run here; null when it can.</summary>
    internal static string? SkipReason(ITestMethod method)
    {
        var required = method.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any()
            || method.Method.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        return required ? PostgresServer.NotAvailableReason : null;
    }
}

/// <summary>A test that runs against every storage provider; see <see cref="RequiresPostgresAttribute"/>.</summary>
[XunitTestCaseDiscoverer("ActionBot.Storage.Tests.TestKit.StorageFactDiscoverer", "ActionBot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>A theory that runs against every storage provider; see <see cref="RequiresPostgresAttribute"/>.</summary>
[XunitTestCaseDiscoverer("ActionBot.Storage.Tests.TestKit.StorageTheoryDiscoverer", "ActionBot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageTheoryAttribute : TheoryAttribute;

public sealed class StorageFactDiscoverer(IMessageSink diagnostics) : FactDiscoverer(diagnostics)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        RequiresPostgresAttribute.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StorageTheoryDiscoverer(IMessageSink diagnostics) : TheoryDiscoverer(diagnostics)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        RequiresPostgresAttribute.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>
/// A test case reported as skipped with a reason decided at discovery. The reason is in its name too: <c>dotnet
/// test</c> at its default verbosity lists skipped tests by name but prints reasons only at normal verbosity.
/// </summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer only.")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink diagnostics, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason)
        : base(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod) => _reason = reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason"); // before the base, which may already ask for the skip reason
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = $"{DisplayName} (skipped: {_reason})";
    }
}
