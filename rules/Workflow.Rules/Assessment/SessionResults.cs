using NRules;
using Workflow.Cmrt.Evaluation;
using Workflow.Rules.Facts;

namespace Workflow.Rules.Assessment;

/// <summary>The result facts rules inserted, gathered in one pass over working memory instead of one query per type.</summary>
internal sealed class SessionResults
{
    public List<Finding> Findings { get; } = [];
    public List<Decision> Decisions { get; } = [];
    public List<MetalOrigin> Origins { get; } = [];
    public ProgramStrength? ProgramStrength { get; private set; }
    public Determination? Determination { get; private set; }
    public SmelterAssessments? Smelters { get; private set; }

    public static SessionResults Collect(ISession session)
    {
        var results = new SessionResults();
        foreach (var fact in session.Query<object>())
        {
            switch (fact)
            {
                case Finding f: results.Findings.Add(f); break;
                case Decision d: results.Decisions.Add(d); break;
                case MetalOrigin o: results.Origins.Add(o); break;
                case ProgramStrength p: results.ProgramStrength = p; break;
                case Determination d: results.Determination = d; break;
                case SmelterAssessments s: results.Smelters = s; break;
            }
        }
        return results;
    }
}
