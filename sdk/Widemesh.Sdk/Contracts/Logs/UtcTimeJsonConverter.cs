using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widemesh.Sdk.Contracts.Logs;

/// <summary>Writes a time as the logs API does, in UTC with a <c>Z</c> (<c>2026-11-25T10:02:12.3450000Z</c>); reads any RFC 3339 time.</summary>
public sealed class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
