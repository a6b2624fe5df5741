namespace Widemesh.Cli.Hcl;

/// <summary>The <c>terraform fmt</c> rule for aligning <c>=</c>: consecutive single-line items share a width; a multi-line item stands alone.</summary>
internal static class HclAlignment
{
    public static int[] Widths(IReadOnlyList<string> names, IReadOnlyList<bool> singleLine)
    {
        var widths = new int[names.Count];
        var start = 0;
        while (start < names.Count)
        {
            var end = start + 1;
            while (singleLine[start] && end < names.Count && singleLine[end])
            {
                end++;
            }

            var width = Enumerable.Range(start, end - start).Max(i => names[i].Length);
            for (var i = start; i < end; i++)
            {
                widths[i] = width;
            }

            start = end;
        }

        return widths;
    }
}
