using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Widemesh.Testing.Terraform.Plugin;

/// <summary>Makes the fresh client certificate Terraform's AutoMTLS makes for every plugin launch (protocol doc §1.7).</summary>
public static class ClientCertificate
{
    /// <summary>ECDSA P-521, CN=localhost O=HashiCorp, DNS SAN localhost, EKU client+server, CA, valid now−30 s … +262980 h.</summary>
    public static X509Certificate2 Create(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var request = new CertificateRequest("CN=localhost, O=HashiCorp", key, HashAlgorithmName.SHA512);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.2"), new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.KeyCertSign,
            critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var now = time.GetUtcNow();
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key),
            now.AddSeconds(-30), now.AddHours(262980), serial);
        return X509CertificateLoader.LoadPkcs12(certificate.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
    }

    public static string ToPem(X509Certificate2 certificate) => certificate.ExportCertificatePem();
}
