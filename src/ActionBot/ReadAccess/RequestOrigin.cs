using System.Net;

namespace ActionBot.ReadAccess;

/// <summary>
/// Where a request came from, as INTERFACES §2 judges it: from this machine itself when its peer is a loopback address
/// and it carries no forwarding header (<c>Forwarded</c>, <c>X-Forwarded-For</c>, <c>X-Real-IP</c>), or when a proxy in
/// <c>Dashboard:TrustedProxies</c> forwarded it for a loopback client. Recorded before ASP.NET's forwarded-headers
/// middleware rewrites the connection, and read after it.
/// </summary>
internal sealed class RequestOrigin
{
    // What ASP.NET's forwarded-headers middleware sets when it believed a proxy; a client's own copy is dropped on arrival.
    private const string OriginalFor = "X-Original-For";

    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Real-IP"];
    private static readonly string[] SpoofableHeaders = [OriginalFor, "X-Original-Proto", "X-Original-Host", "X-Original-Prefix"];

    private RequestOrigin(bool loopbackPeer, bool forwarded) => (LoopbackPeer, Forwarded) = (loopbackPeer, forwarded);

    public bool LoopbackPeer { get; }

    /// <summary>The request carried a forwarding header: some proxy stands between the client and the peer.</summary>
    public bool Forwarded { get; }

    /// <summary>The middleware that records the origin; it runs first, before the forwarded headers are applied.</summary>
    public static Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.Request.Headers;
        foreach (var header in SpoofableHeaders)
        {
            headers.Remove(header);
        }

        context.Features.Set(new RequestOrigin(IsLoopback(context.Connection.RemoteIpAddress), ForwardingHeaders.Any(headers.ContainsKey)));
        return next(context);
    }

    /// <summary>True when the request comes from this machine itself. Fails closed: an unrecorded request does not.</summary>
    public static bool IsThisMachine(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RequestOrigin>() is not { } origin)
        {
            return false;
        }

        if (origin.LoopbackPeer && !origin.Forwarded)
        {
            return true;
        }

        // Only a trusted proxy's X-Forwarded-For is applied (and leaves X-Original-For): the client it names is the one.
        return context.Request.Headers.ContainsKey(OriginalFor) && IsLoopback(context.Connection.RemoteIpAddress);
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
