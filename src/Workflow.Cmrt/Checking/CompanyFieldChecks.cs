using System.Text.RegularExpressions;
using Workflow.Cmrt.Model;

namespace Workflow.Cmrt.Checking;

/// <summary>Declaration rows 8–22: required fields per version, scope, e-mail format, effective date.</summary>
internal static partial class CompanyFieldChecks
{
    private static readonly DateOnly Earliest = new(2007, 1, 1);

    public static void Run(CmrtDeclaration d, DateOnly asOf, FindingList findings)
    {
        var c = d.Company;
        var v2 = d.Family == 2;
        Require(findings, c.Name, FindingCodes.RequiredCompanyName, "D8", "Enter your company's legal name in Declaration cell D8.");
        if (d.Scope == DeclarationScope.Missing)
            findings.Error(FindingCodes.RequiredScope, "Declaration!D9", "Choose a declaration scope in Declaration cell D9.", CheckerRules.RequiredField,
                FindingList.Args(("sheet", "Declaration"), ("cell", "D9")));
        else if (d.Scope == DeclarationScope.NotAllowed)
            findings.Error(FindingCodes.ScopeNotAllowed, "Declaration!D9",
                $"The declaration scope '{d.ScopeRaw}' is not one of the template's choices; pick one from the drop-down in cell D9.", CheckerRules.AllowedAnswers,
                FindingList.Args(("sheet", "Declaration"), ("cell", "D9"), ("value", d.ScopeRaw)));
        var needsDescription = d.Scope is DeclarationScope.UserDefined or DeclarationScope.Division or DeclarationScope.ProductCategory;
        if (needsDescription)
            Require(findings, d.ScopeDescription, FindingCodes.RequiredScopeDescription, "D10", "Describe the scope of your declaration in Declaration cell D10.");

        if (v2)
        {
            Require(findings, c.ContactName, FindingCodes.RequiredContactName, "D14", "Enter the authorized company representative's name in Declaration cell D14.");
            Require(findings, c.ContactEmail, FindingCodes.RequiredContactEmail, "D16", "Enter the representative's e-mail address in Declaration cell D16.");
            Require(findings, c.EffectiveDateRaw, FindingCodes.RequiredEffectiveDate, "D18", "Enter the date of completion in Declaration cell D18.");
        }
        else
        {
            Require(findings, c.ContactName, FindingCodes.RequiredContactName, "D15", "Enter the contact person's name in Declaration cell D15.");
            Require(findings, c.ContactEmail, FindingCodes.RequiredContactEmail, "D16", "Enter the contact's e-mail address in Declaration cell D16.");
            Require(findings, c.ContactPhone, FindingCodes.RequiredContactPhone, "D17", "Enter the contact's telephone number in Declaration cell D17.");
            Require(findings, c.AuthorizerName, FindingCodes.RequiredAuthorizer, "D18", "Enter the name of the person authorizing this declaration in Declaration cell D18.");
            Require(findings, c.AuthorizerEmail, FindingCodes.RequiredAuthorizerEmail, "D20", "Enter the authorizer's e-mail address in Declaration cell D20.");
            // 6.x made the authorizer's phone optional; 3.x–5.x required it.
            if (d.Family < 6)
                Require(findings, c.AuthorizerPhone, FindingCodes.RequiredAuthorizerPhone, "D21", "Enter the authorizer's telephone number in Declaration cell D21.");
            Require(findings, c.EffectiveDateRaw, FindingCodes.RequiredEffectiveDate, "D22", "Enter the effective date of this declaration in Declaration cell D22.");
        }

        CheckEmail(findings, c.ContactEmail, "D16", v2 ? "representative" : "contact");
        if (!v2) CheckEmail(findings, c.AuthorizerEmail, "D20", "authorizer");
        CheckDate(findings, c, v2 ? "D18" : "D22", asOf);
    }

    private static void Require(FindingList findings, string? value, string code, string cell, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            findings.Error(code, $"Declaration!{cell}", message, CheckerRules.RequiredField, FindingList.Args(("sheet", "Declaration"), ("cell", cell)));
    }

    private static void CheckEmail(FindingList findings, string? email, string cell, string who)
    {
        if (string.IsNullOrWhiteSpace(email) || EmailPattern().IsMatch(email.Trim())) return;
        findings.Error(FindingCodes.EmailInvalid, $"Declaration!{cell}",
            $"'{email}' in Declaration cell {cell} is not a valid e-mail address for the {who}; use the form name@company.com.", CheckerRules.EmailFormat,
            FindingList.Args(("sheet", "Declaration"), ("cell", cell), ("value", email)));
    }

    private static void CheckDate(FindingList findings, CompanyInfo c, string cell, DateOnly asOf)
    {
        if (c.EffectiveDateRaw is null) return;
        var location = $"Declaration!{cell}";
        var args = (object? value) => FindingList.Args(("sheet", "Declaration"), ("cell", cell), ("value", value));
        if (c.EffectiveDate is not { } date)
            findings.Error(FindingCodes.DateInvalid, location, $"'{c.EffectiveDateRaw}' in Declaration cell {cell} is not a date; enter it as a date, e.g. 31-Jan-2025.", CheckerRules.EffectiveDate, args(c.EffectiveDateRaw));
        else if (date > asOf)
            findings.Error(FindingCodes.DateInFuture, location, $"The effective date {date:yyyy-MM-dd} in Declaration cell {cell} is in the future; enter the date the declaration was completed.", CheckerRules.EffectiveDate, args(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        else if (date < Earliest)
            findings.Error(FindingCodes.DateBefore2007, location, $"The effective date {date:yyyy-MM-dd} in Declaration cell {cell} is before 2007, which the template does not allow; check the date.", CheckerRules.EffectiveDate, args(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
