using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Widemesh.Provider.Plugin.Hosting;

/// <summary>
/// The per-process AutoMTLS server certificate (protocol doc §1.7): self-signed ECDSA, DNS SAN
/// <c>localhost</c>, serverAuth EKU, positive random serial, NotBefore back-dated.
/// </summary>
internal static class ServerCertificate
{
    public static X509Certificate2 Create(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=Widemesh", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.KeyCertSign,
            true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7f) | 0x01);
        var now = time.GetUtcNow();
        return request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), now.AddSeconds(-30), now.AddYears(10), serial)
            .CopyWithPrivateKey(key);
    }

    /// <summary>The handshake's field 6: DER, standard base64 alphabet, no padding.</summary>
    public static string ToHandshakeField(X509Certificate2 certificate) => Convert.ToBase64String(certificate.RawData).TrimEnd('=');

    /// <summary>Reads the PEM client certificate Terraform passes in PLUGIN_CLIENT_CERT.</summary>
    public static X509Certificate2 LoadClientCertificate(string pem) => X509Certificate2.CreateFromPem(pem);
}
