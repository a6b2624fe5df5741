namespace Widemesh.Platform.Store;

/// <summary>Who a token belongs to.</summary>
internal sealed record Caller(string AccountId, string AccountName, bool Admin, string TokenId, string TokenName);
