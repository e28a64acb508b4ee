using System.Net;
using CitizenData.Bot.Channels;
using CitizenData.Bot.Channels.Telegram;
using CitizenData.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Channels.Telegram;

public sealed class TelegramOffTests
{
    [Fact]
    public async Task WithoutATokenTheChannelIsOffAndTheWebhookDoesNotExist()
    {
        var directory = Directory.CreateTempSubdirectory("citizendata-off-");
        var port = TelegramTestHost.FreePort();
        try
        {
            await using (var app = BotHost.Build([$"--Urls=http://127.0.0.1:{port}", $"--Storage:Sqlite:Path={Path.Combine(directory.FullName, "db.sqlite")}", "--Telegram:Mode=Webhook"]))
            {
                await app.StartAsync();
                Assert.DoesNotContain(app.Services.GetServices<IChannelSender>(), sender => sender.Channel == "telegram");
                Assert.Contains(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service is TelegramOffNotice);
                using var http = new HttpClient();
                using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}{TelegramWebhookEndpoint.Path}"), new StringContent("{}"));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                await app.StopAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
