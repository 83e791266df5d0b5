using Workflow.Cli;
using Workflow.Cli.Cmrt;

// Each command group registers one entry; "users", "policy", "demo" go beside "cmrt".
var dispatcher = new CommandDispatcher()
    .Add("cmrt", "read, check and benchmark CMRT declarations", CmrtCommands.Run)
    .Add("workflow", "print the supplier workflow diagram (Mermaid)", Workflow.Cli.Workflow.WorkflowCommands.Run)
    .Add("users", "add, list and disable local users of the pages", Workflow.Cli.Users.UsersCommands.Run)
    .Add("policy", "validate a policy file; simulate a draft against a campaign", Workflow.Cli.Policies.PolicyCommands.Run);
return dispatcher.Run(args, Console.Out, Console.Error);
