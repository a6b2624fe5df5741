using Widemesh.Platform.Configuration;
using Widemesh.Sdk.Contracts;

namespace Widemesh.Platform.Dns;

/// <summary>What <c>GET /v1/dns/status</c> reports about the updates to the external server: no secret inside.</summary>
internal sealed class ExternalDnsHealth(PlatformOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSuccessAt;
    private DnsStatusError? _lastError;
    private int _pending;

    public DnsStatusExternal? Status()
    {
        if (options.DnsUpdate is not { } update)
        {
            return null;
        }

        lock (_gate)
        {
            return new DnsStatusExternal
            {
                Server = update.Server.ToString(),
                Zone = update.Zone,
                LastSuccessAt = _lastSuccessAt,
                LastError = _lastError,
                Pending = _pending,
            };
        }
    }

    public void Succeeded(int pending)
    {
        lock (_gate)
        {
            _lastSuccessAt = time.GetUtcNow();
            _lastError = null;
            _pending = pending;
        }
    }

    public void Failed(DnsUpdateOutcome outcome, int pending)
    {
        lock (_gate)
        {
            _lastError = new DnsStatusError { At = time.GetUtcNow(), Rcode = outcome.Rcode, Message = outcome.Message };
            _pending = pending;
        }
    }

    public void SetPending(int pending)
    {
        lock (_gate)
        {
            _pending = pending;
        }
    }
}
