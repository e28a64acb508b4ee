using CitizenData.Bot.Cli;

namespace CitizenData.Bot.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task The_demo_runs_residents_through_the_conversation_and_prints_inputs_per_theme()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await DemoCommand.RunAsync(["--residents", "6"], output, errors);

        Assert.Equal(0, exit);
        var printed = output.ToString();
        Assert.Contains("Campaign 'community': 6 participants,", printed, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\S.*\s+\d+\s+\d+ %$", printed); // at least one theme row with a count and a share
        Assert.Empty(errors.ToString());
    }

    [Theory]
    [InlineData("--residents", "0")]
    [InlineData("--residents", "many")]
    [InlineData("--bogus", "3")]
    public async Task Bad_arguments_get_the_usage_and_exit_code_2(string option, string value)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(2, await DemoCommand.RunAsync([option, value], output, errors));
        Assert.Contains("Usage: citizendata demo", errors.ToString(), StringComparison.Ordinal);
    }
}
