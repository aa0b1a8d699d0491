using System.Text.Json;
using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions.Commands;

namespace ActionBot.Discord.Tests.Interactions.Commands;

public sealed class CommandRequestTests
{
    private static CommandRequest Request(string? permissions) => new(
        new Interaction("1", "2", InteractionType.ApplicationCommand, "token")
        {
            Member = new GuildMember { User = new DiscordUser("333"), Permissions = permissions },
        },
        "snooze",
        new Dictionary<string, JsonElement>());

    [Theory]
    [InlineData("32", true)]
    [InlineData("8", false)]
    [InlineData("31", false)]
    [InlineData("2147483647", true)]
    [InlineData("18446744073709551616", false)]
    [InlineData("1208925819614629174706208", true)]
    [InlineData("0", false)]
    [InlineData("-32", false)]
    [InlineData("0x20", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Manage_server_is_bit_0x20_of_the_member_permissions(string? permissions, bool canManage)
    {
        Assert.Equal(canManage, Request(permissions).CallerCanManageServer);
    }

    [Fact]
    public void A_direct_message_caller_has_no_server_to_manage()
    {
        var request = new CommandRequest(
            new Interaction("1", "2", InteractionType.ApplicationCommand, "token") { User = new DiscordUser("444") },
            "snooze",
            new Dictionary<string, JsonElement>());

        Assert.False(request.CallerCanManageServer);
        Assert.Equal("444", request.CallerId);
    }
}
