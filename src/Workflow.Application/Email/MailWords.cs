namespace Workflow.Application.Email;

/// <summary>
/// The few words e-mails put around lists (findings, parts, smelters of concern) and their date format, per language of
/// the supplier templates; a language without its own words gets the English ones.
/// </summary>
public sealed record MailWords(string DateFormat, string PleaseCheck, string OurPartNumber, string YourPartNumber, string EveryPart, string SeeYourCmrt)
{
    private static readonly Dictionary<string, MailWords> ByLanguage = new()
    {
        ["en"] = new("d MMMM yyyy", "please check", "our part number", "your part number", "(every part you supply to us)", "(see your CMRT)"),
        ["de"] = new("d. MMMM yyyy", "bitte prüfen", "unsere Teilenummer", "Ihre Teilenummer", "(alle Teile, die Sie uns liefern)", "(siehe Ihr CMRT)"),
        ["zh"] = new("yyyy年M月d日", "请检查", "我方零件号", "贵方零件号", "（您供应给我们的所有零件）", "（见您的 CMRT）"),
        ["ja"] = new("yyyy年M月d日", "要確認", "当社部品番号", "貴社部品番号", "（当社に納入いただいているすべての部品）", "（貴社の CMRT をご参照ください）"),
        ["es"] = new("d 'de' MMMM 'de' yyyy", "revise", "nuestro número de pieza", "su número de pieza", "(todas las piezas que nos suministra)", "(vea su CMRT)"),
        ["fr"] = new("d MMMM yyyy", "à vérifier", "notre référence", "votre référence", "(toutes les pièces que vous nous fournissez)", "(voir votre CMRT)"),
    };

    public static MailWords For(string language) =>
        ByLanguage.TryGetValue(language, out var words) ? words
        : ByLanguage.TryGetValue(language.Split('-', '_')[0], out words) ? words : ByLanguage["en"];
}
