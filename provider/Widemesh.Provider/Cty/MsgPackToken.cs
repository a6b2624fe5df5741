namespace Widemesh.Provider.Cty;

/// <summary>The family of the next msgpack item.</summary>
internal enum MsgPackToken
{
    Nil,
    Bool,
    Integer,
    Float,
    String,
    Binary,
    Array,
    Map,
    Extension,
    Invalid,
}
