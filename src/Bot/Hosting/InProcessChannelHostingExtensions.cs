using CitizenData.Bot.Channels;
using CitizenData.Bot.Channels.InProcess;

namespace CitizenData.Bot.Hosting;

public static class InProcessChannelHostingExtensions
{
    /// <summary>The in-process channel (demo, tests). It only delivers to code in this process, so it is harmless in production.</summary>
    public static IHostApplicationBuilder AddInProcessChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<InProcessChannel>();
        builder.Services.AddSingleton<InProcessRunner>();
        builder.Services.AddSingleton<IChannelSender>(services => services.GetRequiredService<InProcessChannel>());
        return builder;
    }
}
