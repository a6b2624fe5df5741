namespace Widemesh.Cli.Hcl;

internal sealed partial record HclBody
{
    private bool IsFileBody => Close.Kind == HclTokenKind.EndOfFile;

    private HclToken NewlineToken => new(HclTokenKind.Newline, Layout.LineEnding);

    /// <summary>Inserts an item before <paramref name="position"/>, moving only whitespace so lines stay well formed.</summary>
    private HclBodyItem Insert(int position, HclBodyItem item)
    {
        var blankLine = item is HclBlock;
        if (position < _items.Count)
        {
            item = position == 0 ? InsertFirst(item) : item.WithLeadingTrivia(ItemIndent) with { Newline = NewlineToken };
            EnsureNewlineAfter(position - 1);
        }
        else if (_items.Count > 0 && _items[^1].Newline is null && IsFileBody)
        {
            _items[^1] = _items[^1] with { Newline = NewlineToken };
            item = item.WithLeadingTrivia((blankLine ? Layout.LineEnding : "") + ItemIndent) with { Newline = null };
        }
        else
        {
            item = Append(item, blankLine);
        }

        _items.Insert(position, item);
        return item;
    }

    /// <summary>The new first item takes the end of the opening line (with any comment on it); a blank line separates it from the old first item.</summary>
    private HclBodyItem InsertFirst(HclBodyItem item)
    {
        var first = _items[0].LeadingTrivia;
        var head = first[..(first.IndexOf('\n', StringComparison.Ordinal) + 1)];
        var rest = first[head.Length..];
        var startsWithBlankLine = HclTrivia.EndOfPreviousLine(rest).Length > 0;
        _items[0] = _items[0].WithLeadingTrivia((startsWithBlankLine ? "" : Layout.LineEnding) + rest);
        return item.WithLeadingTrivia(head + ItemIndent) with { Newline = NewlineToken };
    }

    private HclBodyItem Append(HclBodyItem item, bool blankLine)
    {
        var indent = ItemIndent;
        if (_items.Count > 0 && _items[^1].Newline is null)
        {
            if (!_items[0].LeadingTrivia.Contains('\n', StringComparison.Ordinal))
            {
                _items[0] = _items[0].WithLeadingTrivia(Layout.LineEnding + Layout.Indent);
                indent = Layout.Indent;
            }

            _items[^1] = _items[^1] with { Newline = NewlineToken };
            Close = Close.WithLeadingTrivia(IsFileBody ? Close.LeadingTrivia : Layout.OuterIndent);
            return item.WithLeadingTrivia((blankLine ? Layout.LineEnding : "") + indent) with { Newline = NewlineToken };
        }

        var trivia = Close.LeadingTrivia;
        var head = trivia[..(trivia.LastIndexOf('\n') + 1)];
        var tail = trivia[head.Length..];
        if (_items.Count == 0 && !IsFileBody)
        {
            head = head.Length == 0 ? Layout.LineEnding : head;
            tail = Layout.OuterIndent;
        }

        var firstInBlock = _items.Count == 0 && !IsFileBody;
        var atFileStart = _items.Count == 0 && head.Length == 0;
        var separator = blankLine && !firstInBlock && !atFileStart && !HclTrivia.EndsWithBlankLine(head) ? Layout.LineEnding : "";
        Close = Close.WithLeadingTrivia(tail);
        return item.WithLeadingTrivia(head + separator + indent) with { Newline = NewlineToken };
    }

    private void EnsureNewlineAfter(int index)
    {
        if (index >= 0 && _items[index].Newline is null)
        {
            _items[index] = _items[index] with { Newline = NewlineToken };
        }
    }

    /// <summary>Removes an item with the comments above it; the first item of a block gives back the rest of the opening line.</summary>
    private void RemoveAt(int index)
    {
        var trivia = _items[index].LeadingTrivia;
        var previousLine = IsFileBody ? "" : trivia[..(trivia.IndexOf('\n', StringComparison.Ordinal) + 1)];
        _items.RemoveAt(index);
        if (index != 0 || previousLine.Length == 0)
        {
            return;
        }

        if (_items.Count > 0)
        {
            _items[0] = _items[0].WithLeadingTrivia(previousLine + HclTrivia.WithoutLeadingBlankLines(_items[0].LeadingTrivia));
        }
        else
        {
            Close = Close.WithLeadingTrivia(previousLine + HclTrivia.WithoutLeadingBlankLines(Close.LeadingTrivia));
        }
    }

    /// <summary>
    /// The width of the text before <c>=</c> for a new attribute at <paramref name="position"/>, aligned like
    /// <c>terraform fmt</c> with the single-line attributes just above it (which are re-padded if the new name is longer).
    /// </summary>
    private int AlignedWidth(int position, string name)
    {
        var start = position;
        while (start > 0 && _items[start - 1] is HclAttribute a && !a.Expression.SpansLines && (start == position || ContinuesChain(start)))
        {
            start--;
        }

        var group = _items.Skip(start).Take(position - start).Cast<HclAttribute>().ToList();
        var current = group.Select(a => CellLength(a) + a.EqualsToken.LeadingTrivia.Length - 1).DefaultIfEmpty(0).Max();
        if (name.Length <= current)
        {
            return current;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (HclTrivia.IsBlank(group[i].EqualsToken.LeadingTrivia))
            {
                var padding = new string(' ', name.Length - CellLength(group[i]) + 1);
                _items[start + i] = group[i] with { EqualsToken = group[i].EqualsToken.WithLeadingTrivia(padding) };
            }
        }

        return name.Length;
    }

    /// <summary>What precedes <c>=</c> on the attribute's line after the indentation: its name, and any inline comment before it.</summary>
    private static int CellLength(HclAttribute attribute) =>
        HclTrivia.LastLine(attribute.NameToken.LeadingTrivia).TrimStart(' ', '\t').Length + attribute.Name.Length;

    /// <summary>Whether the item at <paramref name="index"/> starts on the line right after the previous item (no comment line between).</summary>
    private bool ContinuesChain(int index) => !_items[index].LeadingTrivia.Contains('\n', StringComparison.Ordinal);
}
