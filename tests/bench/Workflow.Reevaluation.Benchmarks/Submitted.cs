using Workflow.Cmrt.Model;

namespace Workflow.Reevaluation.Benchmarks;

/// <summary>
/// The rules benchmark's synthetic declarations leave the company's contact fields empty (the policy does not read
/// them, the checker does); a supplier's real submission has them, so that the outcomes here are a mix, not all invalid.
/// </summary>
public static class Submitted
{
    public static List<CmrtDeclaration> Complete(List<CmrtDeclaration> declarations) =>
        declarations.Select((d, i) => d with
        {
            Company = d.Company with
            {
                Name = d.Company.Name ?? $"Supplier {i + 1} Ltd",
                ContactName = "Ana Contact", ContactEmail = $"contact{i + 1}@bench.test", ContactPhone = "+49 30 1234567",
                AuthorizerName = "Ben Authorizer", AuthorizerTitle = "Compliance Manager", AuthorizerEmail = $"authorizer{i + 1}@bench.test",
                AuthorizerPhone = "+49 30 7654321", EffectiveDate = new DateOnly(2026, 11, 1), EffectiveDateRaw = "2026-11-01",
            },
        }).ToList();
}
