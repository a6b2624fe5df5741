precedence = 1 + 2 * 3 - 4 / 5 % 6
logic      = !a && b || c == d && e != f
compare    = a < b && c <= d || e > f && g >= h
negative   = -1
double_neg = - -x
exponent   = [1e10, 2.5E-3, 3e+2, 0.5, 007]
paren      = (1 + 2) * (3 + (4 - 5))
cond       = a ? b : c ? d : e
nested_cond = (a ? { x = 1 } : { x = 2 }).x
splat_attr = a.*.b.c
splat_full = a[*].b[0].c
legacy     = a.0.b.1
index_expr = a["key"][0][b + 1]
call       = f(1, 2, 3)
call_empty = f()
call_nl = f(
  1,
  2,
)
expand     = f(a, b...)
provider_fn = provider::terraform::encode_tfvars({ a = 1 })
for_tuple  = [for x in xs : x * 2 if x > 1]
for_object = { for k, v in m : upper(k) => v if v != null }
for_group  = { for v in xs : v.kind => v.name... }
tuple_nl = [
  1,
  2, # two
  3
]
object_mixed = {
  a = 1, b = 2
  "quoted key" = 3
  (var.dynamic) = 4
  c : 5
  d = {
    e = [1, { f = "g" }]
  }
}
object_commas = { a = 1, b = 2, }
empty = [{}, [], ""]
null_true = [null, true, false]
keywords_as_names = { if = 1, in = 2, endif = 3 }
true_ref = var.true
dash-name = "dashes are allowed"
