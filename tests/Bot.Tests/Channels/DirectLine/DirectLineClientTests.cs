using System.Text.Json;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>
/// The official Direct Line client (botframework-directlinejs 0.15.8, from Node) takes a resident through the whole
/// flow, over WebSocket and over polling, losing its connection and resuming on the way.
/// </summary>
public sealed class DirectLineClientTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task TheOfficialClientCompletesTheWholeFlowAndResumesWithoutLosingOrRepeatingAnActivity(string mode)
    {
        await using var server = await DirectLineServer.StartAsync();

        using var result = await NodeClient.RunScriptAsync("directline-client.js", TimeSpan.FromMinutes(2), server.BaseUrl, DirectLineServer.Secret, mode);

        var root = result.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean(), "client errors: " + root.GetProperty("errors").GetRawText());
        var transcript = root.GetProperty("transcript").EnumerateArray().ToList();
        var conversationId = root.GetProperty("conversationId").GetString()!;
        var userId = root.GetProperty("userId").GetString()!;

        // Nothing repeated, nothing lost: every logged activity arrived exactly once, in order.
        var sequences = transcript.Select(a => a.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(transcript.Count, transcript.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        var log = await server.Storage.DirectLine.ReadAsync(conversationId, 0, 1000);
        Assert.Equal(log.Count, transcript.Count);

        // User activities come back with the client's id for them and the token's user; bot messages are markdown with visible buttons.
        var users = transcript.Where(a => a.GetProperty("role").GetString() == "user").ToList();
        Assert.Equal(9, users.Count);
        Assert.All(users, a => Assert.Equal(userId, a.GetProperty("fromId").GetString()));
        Assert.All(users, a => Assert.StartsWith("node-", a.GetProperty("clientActivityID").GetString(), StringComparison.Ordinal));
        var bots = transcript.Where(a => a.GetProperty("role").GetString() == "bot").ToList();
        Assert.All(bots, a => Assert.Equal("markdown", a.GetProperty("textFormat").GetString()));
        Assert.All(bots, a => Assert.False(a.GetProperty("hasTo").GetBoolean()));
        if (mode == "websocket")
        {
            Assert.True(root.GetProperty("reconnects").GetInt32() >= 3, "the cut connection and the resume each opened a new socket");
            Assert.True(root.GetProperty("typing").GetInt32() > 0, "typing indicators over the WebSocket");
        }

        // And the pipeline stored what the resident said, with the theme they chose.
        var participant = await server.Storage.Participants.FindByChannelUserAsync("directline", userId);
        Assert.NotNull(participant);
        Assert.True(participant.HasConsented);
        Assert.Equal("woman", participant.Profile["gender"]);
        var submission = Assert.Single(await server.Storage.Submissions.ListByParticipantAsync(participant.Id));
        Assert.Equal("health", submission.Theme);
        Assert.Equal(LabelSource.Citizen, submission.LabelSource);
    }
}
