return ReturnMonitor.Cli.CliApp.Run(args, Console.Out, Console.Error);
