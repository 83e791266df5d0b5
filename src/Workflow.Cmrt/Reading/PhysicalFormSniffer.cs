namespace Workflow.Cmrt.Reading;

internal static class PhysicalFormSniffer
{
    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static PhysicalForm Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] is 3 or 5 && head[3] is 4 or 6) return PhysicalForm.Zip;
        if (head.Length >= 8 && head[..8].SequenceEqual(Ole2Magic)) return PhysicalForm.Ole2;
        return PhysicalForm.Unknown;
    }
}
