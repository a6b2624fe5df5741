namespace Widemesh.Platform.Logs;

/// <summary>A query parameter or field that breaks a rule, with a message that says the rule and the fix.</summary>
internal sealed record LogFieldProblem(string Field, string Message);
