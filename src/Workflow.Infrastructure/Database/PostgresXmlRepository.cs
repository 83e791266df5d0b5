using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using Workflow.Application.Configuration;

namespace Workflow.Infrastructure.Database;

/// <summary>
/// The data-protection key ring in PostgreSQL, so that every instance on the shared database reads the cookies and
/// anti-forgery tokens the others issued. The keys sit unencrypted in the table: whoever can read the database can
/// read the case files anyway, so the database's own access control is what protects them.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var cmd = db.CreateCommand("select xml from workflow.data_protection_keys order by id");
        using var r = cmd.ExecuteReader();
        var elements = new List<XElement>();
        while (r.Read()) elements.Add(XElement.Parse(r.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var cmd = db.CreateCommand("insert into workflow.data_protection_keys (friendly_name, xml) values (@name, @xml) on conflict (friendly_name) do nothing");
        cmd.Parameters.AddWithValue("name", friendlyName);
        cmd.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        cmd.ExecuteNonQuery();
    }
}
