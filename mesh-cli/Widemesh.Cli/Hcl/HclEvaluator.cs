namespace Widemesh.Cli.Hcl;

/// <summary>
/// Evaluates constant expressions: literals, tuples, objects, templates whose interpolations are
/// themselves constant, parentheses, unary <c>-</c> and <c>!</c>. Anything else (references, function
/// calls, for expressions, operators, conditionals, directives) is reported as unsupported with its position.
/// </summary>
internal sealed partial class HclEvaluator
{
    private readonly string _file;
    private HclUnsupportedConstruct? _unsupported;

    private HclEvaluator(string file)
    {
        _file = file;
    }

    public static HclEvaluation Evaluate(HclExpression expression, string file = "<input>")
    {
        var evaluator = new HclEvaluator(file);
        var value = evaluator.Eval(expression);
        return new HclEvaluation(evaluator._unsupported is null ? value : null, evaluator._unsupported);
    }

    /// <summary>Evaluates an attribute's expression, reporting positions in <paramref name="file"/>.</summary>
    public static HclEvaluation Evaluate(HclAttribute attribute, HclFile file) => Evaluate(attribute.Expression, file.Path);

    private HclValue? Unsupported(string kind, HclSyntaxElement at)
    {
        var token = at as HclToken ?? ((HclNode)at).FirstToken();
        _unsupported ??= new HclUnsupportedConstruct(kind, _file, token?.Line ?? 0, token?.Column ?? 0);
        return null;
    }

    private HclValue? Eval(HclExpression expression) => expression switch
    {
        HclLiteralExpression literal => EvalLiteral(literal),
        HclTemplateExpression template => EvalTemplate(template),
        HclTupleExpression tuple => EvalTuple(tuple),
        HclObjectExpression obj => EvalObject(obj),
        HclParenthesizedExpression parenthesized => Eval(parenthesized.Inner),
        HclUnaryExpression unary => EvalUnary(unary),
        HclVariableExpression or HclGetAttributeExpression or HclIndexExpression or HclSplatExpression
            => Unsupported("a reference", expression),
        HclFunctionCallExpression call => Unsupported($"a call of the function {call.Name}", expression),
        HclForExpression => Unsupported("a for expression", expression),
        HclConditionalExpression => Unsupported("a conditional expression", expression),
        HclBinaryExpression binary => Unsupported($"the operator {binary.Operator.Text}", binary.Operator),
        _ => Unsupported("this expression", expression),
    };

    private HclValue? EvalLiteral(HclLiteralExpression literal) => literal.Token.Text switch
    {
        "true" => new HclBool(true),
        "false" => new HclBool(false),
        "null" => HclValue.Null,
        var text => (HclValue?)HclNumber.Parse(text) ?? Unsupported($"the number {text} (out of range)", literal),
    };

    private HclValue? EvalUnary(HclUnaryExpression unary)
    {
        var operand = Eval(unary.Operand);
        return (unary.Operator.Kind, operand) switch
        {
            (_, null) => null,
            (HclTokenKind.Minus, HclNumber number) => number.Negate(),
            (HclTokenKind.Bang, HclBool flag) => new HclBool(!flag.Value),
            _ => Unsupported($"the operator {unary.Operator.Text} on this value", unary),
        };
    }

    private HclValue? EvalTuple(HclTupleExpression tuple)
    {
        var items = new List<HclValue>(tuple.Items.Count);
        foreach (var item in tuple.Items)
        {
            if (Eval(item.Value) is not { } value)
            {
                return null;
            }

            items.Add(value);
        }

        return new HclList(items);
    }

    private HclValue? EvalObject(HclObjectExpression obj)
    {
        var attributes = new List<KeyValuePair<string, HclValue>>(obj.Items.Count);
        foreach (var item in obj.Items)
        {
            if (EvalKey(item.Key) is not { } key || Eval(item.Value) is not { } value)
            {
                return null;
            }

            if (attributes.Any(a => a.Key == key))
            {
                return Unsupported($"a duplicate object key \"{key}\"", item.Key);
            }

            attributes.Add(new(key, value));
        }

        return new HclObject(attributes);
    }

    private string? EvalKey(HclExpression key)
    {
        if (key is HclVariableExpression name)
        {
            return name.Name.Text;
        }

        var value = Eval(key);
        if (value is null)
        {
            return null;
        }

        var text = ToTemplateString(value);
        if (text is null)
        {
            Unsupported("an object key that is not a string", key);
        }

        return text;
    }
}
