using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActionBot.ReadAccess;

/// <summary>
/// Read access as ASP.NET Core authorization that fails closed (INTERFACES §2): the fallback policy requires it of every
/// endpoint not marked public with <c>AllowAnonymous</c> (the webhooks, Discord interactions, <c>/healthz</c>,
/// <c>/readyz</c>, <c>/login</c>), and of every request that matches none. Plus what makes the judgement sound: the
/// forwarded headers of trusted proxies only, <c>AllowedHosts</c> by default, and reads never cached.
/// </summary>
public static class ReadAccessExtensions
{
    public static IServiceCollection AddReadAccess(this IServiceCollection services)
    {
        services.AddOptions<ReadAccessOptions>().BindConfiguration(ReadAccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadAccessOptions>, ReadAccessOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReadToken>();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReadAccessOptions>>(TrustProxies);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HostFilteringOptions>, AllowedHostsDefaults>());

        services.AddAuthentication(ReadTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ReadTokenAuthenticationHandler>(ReadTokenAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ReadAccessRequirement>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadAccessRequirement.Policy, ReadPolicy())
            .SetFallbackPolicy(ReadPolicy());
        services.AddLoginRateLimit();
        return services;
    }

    /// <summary>The middleware, in order; call before mapping endpoints.</summary>
    public static WebApplication UseReadAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The peer as it connected, before a trusted proxy's X-Forwarded-For replaces it.
        app.Use(RequestOrigin.RecordAsync);

        // ASP.NET believes every peer when it knows no proxy at all: without trusted proxies, no forwarded header is applied.
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // What /api answers is read-protected: no browser or proxy keeps a copy.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.Use((context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return next(context);
        }));
        return app;
    }

    private static AuthorizationPolicy ReadPolicy() =>
        new AuthorizationPolicyBuilder(ReadTokenAuthenticationHandler.SchemeName).AddRequirements(new ReadAccessRequirement()).Build();

    // Only the configured proxies: ASP.NET trusts loopback by default, and a same-host proxy would make every client local.
    private static void TrustProxies(ForwardedHeadersOptions forwarded, IOptions<ReadAccessOptions> access)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in access.Value.TrustedProxies)
        {
            if (ReadAccessOptionsValidator.TryParseProxy(proxy, out var address, out var network))
            {
                if (address is not null)
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    forwarded.KnownIPNetworks.Add(network!.Value);
                }
            }
        }
    }
}
