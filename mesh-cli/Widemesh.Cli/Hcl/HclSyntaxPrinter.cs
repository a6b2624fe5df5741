using System.Text;

namespace Widemesh.Cli.Hcl;

/// <summary>Walks a tree without recursion, so even very deep trees print without overflowing the stack.</summary>
internal static class HclSyntaxPrinter
{
    public static string Print(HclSyntaxElement root)
    {
        var builder = new StringBuilder();
        foreach (var token in Tokens(root))
        {
            builder.Append(token.LeadingTrivia).Append(token.Text);
        }

        return builder.ToString();
    }

    public static IEnumerable<HclToken> Tokens(HclSyntaxElement root)
    {
        var stack = new Stack<IEnumerator<HclSyntaxElement?>>();
        if (root is HclToken single)
        {
            yield return single;
            yield break;
        }

        stack.Push(((HclNode)root).Children().GetEnumerator());
        while (stack.Count > 0)
        {
            var top = stack.Peek();
            if (!top.MoveNext())
            {
                top.Dispose();
                stack.Pop();
                continue;
            }

            switch (top.Current)
            {
                case HclToken token:
                    yield return token;
                    break;
                case HclNode node:
                    stack.Push(node.Children().GetEnumerator());
                    break;
            }
        }
    }
}
