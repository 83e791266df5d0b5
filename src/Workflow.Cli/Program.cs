using Workflow.Cli;
using Workflow.Cli.Cmrt;

// Each command group registers one entry; "users", "policy", "demo" go beside "cmrt".
var dispatcher = new CommandDispatcher()
    .Add("cmrt", "read, check and benchmark CMRT declarations", CmrtCommands.Run);
return dispatcher.Run(args, Console.Out, Console.Error);
