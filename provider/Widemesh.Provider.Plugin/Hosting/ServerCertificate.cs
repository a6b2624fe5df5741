using System.Net.Security;
using System.Security.Authentication;
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

    /// <summary>
    /// The TLS context for <paramref name="certificate"/>. Slow on Linux (it chains the certificate
    /// against the system CA store, loaded once per process), so callers build it off the start-up path.
    /// </summary>
    public static SslStreamCertificateContext CreateContext(X509Certificate2 certificate) =>
        SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);

    /// <summary>
    /// Per-connection server options: TLS 1.2+, ALPN h2, and a client certificate that is REQUIRED and
    /// must be byte-for-byte <paramref name="clientCertificate"/> (go-plugin pins it; no CA is involved).
    /// The chain policy trusts only that certificate, so validating it never reads the system CA store.
    /// </summary>
    public static SslServerAuthenticationOptions AuthenticationOptions(SslStreamCertificateContext context, X509Certificate2 clientCertificate) => new()
    {
        ServerCertificateContext = context,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        ApplicationProtocols = [SslApplicationProtocol.Http2],
        ClientCertificateRequired = true,
        CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            CustomTrustStore = { clientCertificate },
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        },
        RemoteCertificateValidationCallback = (_, certificate, _, _) => IsPinned(certificate, clientCertificate),
    };

    /// <summary>True only for the pinned certificate itself (raw DER equality); chain errors do not matter.</summary>
    public static bool IsPinned(X509Certificate? presented, X509Certificate2 pinned) =>
        presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData);

    /// <summary>The handshake's field 6: DER, standard base64 alphabet, no padding.</summary>
    public static string ToHandshakeField(X509Certificate2 certificate) => Convert.ToBase64String(certificate.RawData).TrimEnd('=');

    /// <summary>Reads the PEM client certificate Terraform passes in PLUGIN_CLIENT_CERT.</summary>
    public static X509Certificate2 LoadClientCertificate(string pem) => X509Certificate2.CreateFromPem(pem);
}
