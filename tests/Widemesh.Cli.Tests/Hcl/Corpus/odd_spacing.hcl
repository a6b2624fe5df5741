	# tabs for indentation
block	"label"   bare_label	{
	attr=1
	other    =    "x"   /* inline */   # trailing
		/* comment before */ deep = [ 1 ,2,	3 ]
}


one_line { a = 1 }
empty_one_line {}
empty_block {
}
  block "a" "b" "c" {   # comment after brace
    nested   {    inner = true    }
  }

x = /* before */ 1 /* after */
y = [ /* a */ 1, /* b */
  2 // c
  , 3 /* d */ ]
z = {
  # comment in object
  a = 1 // trailing

  b = 2 /* multi
  line comment */
}
