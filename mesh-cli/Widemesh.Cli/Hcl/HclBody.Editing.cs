namespace Widemesh.Cli.Hcl;

internal sealed partial record HclBody
{
    /// <summary>
    /// Sets an attribute to a value written as <c>terraform fmt</c> would write it. A list replacing a list the
    /// user wrote one item per line is written the same way, so the alignment of its neighbours stays right.
    /// </summary>
    public HclAttribute SetAttribute(string name, HclValue value)
    {
        var existing = FindAttribute(name);
        var indent = existing?.Indentation ?? ItemIndent;
        var keepOnLines = existing?.Expression is HclTupleExpression { SpansLines: true } && value is HclList { Items.Count: > 0 };
        var source = keepOnLines
            ? HclValueFormatter.FormatListOnLines((HclList)value, indent, Layout.LineEnding)
            : HclValueFormatter.Format(value, indent, Layout.LineEnding);
        return SetAttributeRaw(name, source);
    }

    /// <summary>Sets an attribute to a copy of another expression's source text.</summary>
    public HclAttribute SetAttribute(string name, HclExpression expression) => SetAttributeRaw(name, expression.ToSourceText());

    /// <summary>
    /// Replaces only the expression of attribute <paramref name="name"/> with <paramref name="expressionSource"/>
    /// (keeping its comments, the spacing after <c>=</c> and any comment after it on the line), or appends the
    /// attribute after the body's last attribute, aligned with its neighbours.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not an identifier or the source is not one HCL expression.</exception>
    public HclAttribute SetAttributeRaw(string name, string expressionSource)
    {
        if (!HclCharacters.IsIdentifier(name))
        {
            throw new ArgumentException($"\"{name}\" is not a valid attribute name: use letters, digits, '_' and '-', starting with a letter.", nameof(name));
        }

        var index = _items.FindIndex(i => i is HclAttribute a && a.Name == name);
        if (index >= 0)
        {
            var existing = (HclAttribute)_items[index];
            var replaced = existing with { Expression = ParseSource(existing.Expression.FirstToken()?.LeadingTrivia ?? " ", expressionSource) };
            _items[index] = replaced = KeepCommentColumn(index, existing, MoveCommentAboveHeredoc(replaced));
            return replaced;
        }

        var lastAttribute = _items.FindLastIndex(i => i is HclAttribute);
        var firstBlock = _items.FindIndex(i => i is HclBlock);
        var position = lastAttribute >= 0 ? lastAttribute + 1 : firstBlock >= 0 ? firstBlock : _items.Count;
        var expression = ParseSource(" ", expressionSource);
        var width = expression.SpansLines ? name.Length : AlignedWidth(position, name);
        var attribute = new HclAttribute(
            new HclToken(HclTokenKind.Identifier, name),
            new HclToken(HclTokenKind.Equals, "=", new string(' ', width - name.Length + 1)),
            expression,
            null);
        return (HclAttribute)Insert(position, attribute);
    }

    public bool RemoveAttribute(string name)
    {
        var index = _items.FindIndex(i => i is HclAttribute a && a.Name == name);
        if (index >= 0)
        {
            RemoveAt(index);
        }

        return index >= 0;
    }

    /// <summary>Appends a block at the end of the body, after a blank line, with its content built by <paramref name="build"/>.</summary>
    public HclBlock AppendBlock(string type, IReadOnlyList<string> labels, Action<HclBodyBuilder>? build = null)
    {
        var builder = new HclBodyBuilder().Block(type, labels, build);
        var text = HclWriter.Write(builder, Layout.LineEnding, ItemIndent);
        var parsed = HclFile.Parse(text, "<generated>");
        var block = parsed.HasErrors || parsed.Body.Items is not [HclBlock generated]
            ? throw new ArgumentException($"The block could not be generated: {string.Join("; ", parsed.Errors)}", nameof(labels))
            : generated;
        return (HclBlock)Insert(_items.Count, block);
    }

    public bool RemoveBlock(HclBlock block)
    {
        var index = _items.IndexOf(block);
        if (index >= 0)
        {
            RemoveAt(index);
        }

        return index >= 0;
    }

    /// <summary>A heredoc's end marker must be alone on its line, so a comment that followed the old value moves above the attribute.</summary>
    private HclAttribute MoveCommentAboveHeredoc(HclAttribute attribute)
    {
        var comment = attribute.Newline?.LeadingTrivia.Trim() ?? "";
        if (comment.Length == 0 || attribute.Expression.AllTokens().Last().Kind != HclTokenKind.CloseHeredoc)
        {
            return attribute;
        }

        var trivia = attribute.NameToken.LeadingTrivia;
        return attribute with
        {
            NameToken = attribute.NameToken.WithLeadingTrivia(trivia + comment + Layout.LineEnding + HclTrivia.Indentation(trivia)),
            Newline = attribute.Newline!.WithLeadingTrivia(""),
        };
    }

    private string ItemIndent => _items.Count > 0 ? _items[0].Indentation : Layout.Indent;

    private HclExpression ParseSource(string leadingTrivia, string source)
    {
        var text = leadingTrivia + source.Trim(' ', '\t', '\r', '\n') + Layout.LineEnding;
        var expression = HclParser.ParseExpression(text, "<expression>", out var errors);
        return expression ?? throw new ArgumentException(
            $"\"{source}\" is not a valid HCL expression: {errors.FirstOrDefault()?.Message ?? "it is empty"}", nameof(source));
    }
}
