namespace Workflow.Application.Settings;

/// <summary>
/// One setting: its name in the API and the page (<see cref="Field"/>, e.g. "company.contactEmail"), the row that
/// stores it, and the configuration key that overrides it for operators.
/// </summary>
public sealed record SettingField(string Field, string Label, string ConfigurationKey, SettingKind Kind)
{
    /// <summary>The key of its row in workflow.settings: the field name itself.</summary>
    public string StorageKey => Field;
}

public enum SettingKind { Text, Email, Phone, EmailList, Url, Days }

public static class SettingFields
{
    public static readonly SettingField CompanyName = new("company.name", "Company name", "Company:Name", SettingKind.Text);
    public static readonly SettingField CompanyAddress = new("company.address", "Address", "Company:Address", SettingKind.Text);
    public static readonly SettingField ContactName = new("company.contactName", "Contact name", "Company:ContactName", SettingKind.Text);
    public static readonly SettingField ContactEmail = new("company.contactEmail", "Contact e-mail", "Company:ContactEmail", SettingKind.Email);
    public static readonly SettingField ContactPhone = new("company.contactPhone", "Contact phone", "Company:ContactPhone", SettingKind.Phone);
    public static readonly SettingField AuthorizerName = new("company.authorizerName", "Authorizer name", "Company:AuthorizerName", SettingKind.Text);
    public static readonly SettingField AuthorizerTitle = new("company.authorizerTitle", "Authorizer title", "Company:AuthorizerTitle", SettingKind.Text);
    public static readonly SettingField AuthorizerEmail = new("company.authorizerEmail", "Authorizer e-mail", "Company:AuthorizerEmail", SettingKind.Email);
    public static readonly SettingField AuthorizerPhone = new("company.authorizerPhone", "Authorizer phone", "Company:AuthorizerPhone", SettingKind.Phone);
    public static readonly SettingField ManagementRecipients = new("managementRecipients", "Management recipients", "Notifications:ManagementRecipients", SettingKind.EmailList);
    public static readonly SettingField ProcurementRecipients = new("procurementRecipients", "Procurement recipients", "Notifications:ProcurementRecipients", SettingKind.EmailList);
    /// <summary>The grievance mechanism's officers: told of every concern. Kept apart from management on purpose.</summary>
    public static readonly SettingField GrievanceOfficers = new("grievanceOfficers", "Grievance officers", "Grievance:Officers", SettingKind.EmailList);
    public static readonly SettingField PublicBaseUrl = new("publicBaseUrl", "Public base URL", "PublicBaseUrl", SettingKind.Url);
    public static readonly SettingField GraceDays = new("supplierLinkGraceDays", "Grace days after the due date", "SupplierLinks:GraceDays", SettingKind.Days);

    /// <summary>The logo's row: value is the content type, data the bytes. Never overridden by configuration.</summary>
    public const string LogoKey = "company.logo";

    /// <summary>The nine company details, in the order of the CMRT's company section; the roll-up needs all of them.</summary>
    public static readonly IReadOnlyList<SettingField> Company =
        [CompanyName, CompanyAddress, ContactName, ContactEmail, ContactPhone, AuthorizerName, AuthorizerTitle, AuthorizerEmail, AuthorizerPhone];

    public static readonly IReadOnlyList<SettingField> All = [.. Company, ManagementRecipients, ProcurementRecipients, GrievanceOfficers, PublicBaseUrl, GraceDays];

    public const int DefaultGraceDays = 14;
    public const int MaxGraceDays = 365;
}
