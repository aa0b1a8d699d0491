using Microsoft.AspNetCore.Authorization;

namespace ActionBot.ReadAccess;

/// <summary>
/// Read access (INTERFACES §2): the read token, or a request from this machine itself that presents no wrong token.
/// The fallback policy of the app: every endpoint not marked public requires it, so a read route added later is
/// protected without anyone remembering to list it.
/// </summary>
internal sealed class ReadAccessRequirement : AuthorizationHandler<ReadAccessRequirement>, IAuthorizationRequirement
{
    public const string Policy = "ReadAccess";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ReadTokenAuthenticationHandler.SchemeName))
        {
            context.Succeed(requirement);
        }
        else if (http is not null && http.Request.Headers.Authorization.Count == 0 && !Token(http).RequiredForEveryRead && RequestOrigin.IsThisMachine(http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static ReadToken Token(HttpContext http) => http.RequestServices.GetRequiredService<ReadToken>();
}
