namespace Workflow.Cmrt.Model;

/// <summary>Reads the Metal column: "Gold", "gold ", "Gold (Au)" (2.00 names sheet), "Tantalum".</summary>
public static class MetalNames
{
    public static Metal? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var first = text.Trim().Split([' ', '('], 2, StringSplitOptions.RemoveEmptyEntries)[0];
        return first.ToLowerInvariant() switch
        {
            "tantalum" or "ta" => Metal.Tantalum,
            "tin" or "sn" => Metal.Tin,
            "gold" or "au" => Metal.Gold,
            "tungsten" or "w" => Metal.Tungsten,
            _ => null,
        };
    }
}
