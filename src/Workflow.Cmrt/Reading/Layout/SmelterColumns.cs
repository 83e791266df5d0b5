namespace Workflow.Cmrt.Reading.Layout;

/// <summary>Smelter List column numbers (1-based; 0 = not in this version). Header row 4, data from row 5.</summary>
internal sealed record SmelterColumns
{
    public int IdInput { get; init; }
    public int Metal { get; init; } = 2;
    public int Lookup { get; init; } = 3;
    public int Name { get; init; } = 4;
    public int Country { get; init; } = 5;
    public int Id { get; init; }
    public int Street { get; init; }
    public int City { get; init; }
    public int State { get; init; }
    public int ContactName { get; init; }
    public int ContactEmail { get; init; }
    public int NextSteps { get; init; }
    public int MineName { get; init; }
    public int MineCountry { get; init; }
    public int Recycled { get; init; }
    public int Comments { get; init; }
    public int Last => new[] { IdInput, Metal, Lookup, Name, Country, Id, Street, City, State, ContactName, ContactEmail, NextSteps, MineName, MineCountry, Recycled, Comments }.Max();
}
