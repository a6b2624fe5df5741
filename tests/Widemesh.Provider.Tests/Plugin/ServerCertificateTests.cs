using System.Security.Cryptography.X509Certificates;
using Widemesh.Provider.Plugin.Hosting;

namespace Widemesh.Provider.Tests.Plugin;

public sealed class ServerCertificateTests
{
    [Fact]
    public void Certificate_has_what_the_go_client_checks()
    {
        var time = TimeProvider.System;

        using var certificate = ServerCertificate.Create(time);

        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], san.EnumerateDnsNames());
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Contains(eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True((certificate.SerialNumberBytes.Span[0] & 0x80) == 0, "serial must be positive (big-endian top bit clear)");
        Assert.True(certificate.NotBefore.ToUniversalTime() <= time.GetUtcNow().UtcDateTime.AddSeconds(-20));
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void Handshake_field_is_unpadded_standard_base64_of_the_der()
    {
        for (var i = 0; i < 20; i++)
        {
            using var certificate = ServerCertificate.Create(TimeProvider.System);

            var field = ServerCertificate.ToHandshakeField(certificate);

            Assert.DoesNotContain('=', field);
            Assert.DoesNotContain('\n', field);
            var padded = field.PadRight(field.Length + ((4 - (field.Length % 4)) % 4), '=');
            Assert.Equal(certificate.RawData, Convert.FromBase64String(padded));
        }
    }
}
