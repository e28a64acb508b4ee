using CitizenData.WebChatLoad;

// `CitizenData.WebChatLoad [conversations]` drives the load; it runs the server as a child process of itself
// (`CitizenData.WebChatLoad serve …`) so the server's memory is measured apart from the clients'.
return args is ["serve", .. var serverArgs]
    ? await BenchServer.RunAsync(serverArgs)
    : await LoadDriver.RunAsync(args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000);
