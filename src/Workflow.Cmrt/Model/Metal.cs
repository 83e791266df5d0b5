namespace Workflow.Cmrt.Model;

/// <summary>The four conflict minerals, in the row order every CMRT version uses on the Declaration sheet.</summary>
public enum Metal
{
    Tantalum,
    Tin,
    Gold,
    Tungsten,
}
