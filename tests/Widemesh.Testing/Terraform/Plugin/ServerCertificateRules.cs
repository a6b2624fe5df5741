using System.Security.Cryptography.X509Certificates;

namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>What Go's TLS client needs from the plugin's server certificate (protocol doc §1.7).</summary>
public static class ServerCertificateRules
{
    public static IReadOnlyList<string> Check(X509Certificate2 certificate, DateTimeOffset now)
    {
        var problems = new List<string>();
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null || !san.EnumerateDnsNames().Contains("localhost"))
        {
            problems.Add("it has no DNS SAN \"localhost\" (Go ignores the CN)");
        }

        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            problems.Add($"it is not valid now ({certificate.NotBefore:O} … {certificate.NotAfter:O})");
        }

        var serial = certificate.SerialNumberBytes.Span;
        if (serial.Length == 0 || (serial[0] & 0x80) != 0)
        {
            problems.Add("its serial number is negative (Go ≥ 1.23 rejects it)");
        }

        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (eku is not null && !eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value == "1.3.6.1.5.5.7.3.1"))
        {
            problems.Add("its extended key usage lacks serverAuth");
        }

        var keyOk = certificate.GetECDsaPublicKey() is { } ec ? ec.KeySize is 256 or 384 or 521
            : certificate.GetRSAPublicKey() is { } rsa ? rsa.KeySize >= 2048
            : certificate.PublicKey.Oid.Value == "1.3.101.112";
        if (!keyOk)
        {
            problems.Add($"its key ({certificate.PublicKey.Oid.FriendlyName}) is not one Go verifies (ECDSA P-256/384/521, RSA ≥ 2048, Ed25519)");
        }

        return problems;
    }
}
