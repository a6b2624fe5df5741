using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Widemesh.Provider.Rpc;

/// <summary>
/// Catches, once, any exception a provider RPC did not expect and answers with a single error
/// diagnostic that says "please report this", so Terraform shows a readable message and the
/// process keeps serving.
/// </summary>
internal sealed class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException && !(ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
        {
            var rpc = context.Method[(context.Method.LastIndexOf('/') + 1)..];
            Log.RpcFailed(logger, rpc, ex);
            return ErrorResponses.Create<TResponse>(rpc, ex)
                ?? throw new RpcException(new Status(StatusCode.Internal, $"{rpc} failed unexpectedly: {ex.Message}. Please report this."));
        }
    }
}
