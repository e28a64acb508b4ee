using CitizenData.Bot.Cli;

// `citizendata [serve|demo|evaluate|train|export] …`: one executable for the server and the command line.
return await CommandLine.RunAsync(args);
