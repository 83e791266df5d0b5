using System.Net.Mail;

namespace Workflow.Application.Suppliers;

public static class SupplierValidation
{
    public const int MaxNameLength = 300;

    /// <summary>Checks one row; <paramref name="row"/> is what the error names (CSV line or JSON array index + 1).</summary>
    public static IEnumerable<ImportError> Validate(int row, SupplierInput s)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) yield return new ImportError(row, "name", "A supplier name is required.");
        else if (s.Name.Length > MaxNameLength) yield return new ImportError(row, "name", $"The name is longer than {MaxNameLength} characters.");
        if (string.IsNullOrWhiteSpace(s.Email)) yield return new ImportError(row, "email", "A contact e-mail is required.");
        else if (!IsEmail(s.Email)) yield return new ImportError(row, "email", $"'{s.Email}' is not an e-mail address.");
        foreach (var extra in s.ContactEmails ?? [])
            if (!IsEmail(extra)) yield return new ImportError(row, "contactEmails", $"'{extra}' is not an e-mail address.");
        if (s.Spend is < 0) yield return new ImportError(row, "spend", "Spend cannot be negative.");
        if (s.DeliveryQuantity is < 0) yield return new ImportError(row, "deliveryQuantity", "Delivery quantity cannot be negative.");
        if (!string.IsNullOrWhiteSpace(s.Country) && Workflow.Rules.Policies.Countries.Resolve(s.Country) is null)
            yield return new ImportError(row, "country", Wording.CountryNames.NotACountry(s.Country));
        if (s.Code is { Length: > 64 }) yield return new ImportError(row, "code", "A supplier code is at most 64 characters.");
        if (s.Priority is < 1) yield return new ImportError(row, "priority", "Priority is 1 (first) or more.");
        foreach (var part in s.Parts ?? [])
            if (part.Trim().Length > Products.ProductRegister.MaxNumberLength)
                yield return new ImportError(row, "parts", $"'{part.Trim()[..20]}…' is longer than {Products.ProductRegister.MaxNumberLength} characters, too long for a part number.");
        if (!string.IsNullOrWhiteSpace(s.Language) && SupplierLanguages.Normalise(s.Language) is null)
            yield return new ImportError(row, "language",
                $"'{s.Language.Trim()}' is not a language we write to suppliers in; use one of {string.Join(", ", SupplierLanguages.All)} (en English, de German, zh Simplified Chinese, ja Japanese, es Spanish, fr French).");
    }

    public static bool IsEmail(string text)
    {
        text = text.Trim();
        return text.Length <= 254 && !text.Contains(' ') && MailAddress.TryCreate(text, out var a)
            && a.Address == text && a.Host.Contains('.');
    }
}
