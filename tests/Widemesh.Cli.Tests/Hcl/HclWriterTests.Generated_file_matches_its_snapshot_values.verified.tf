locals {
  value = {
    plain   = "text"
    escapes = "quote \" backslash \\ newline \n tab \t $${not} %%{directive} bell \u0007"
    unicode = "café 🚀 日本"
    numbers = [0, -42, 1.25, 1000000000000000000000000000000]
    nested = {
      deeper = {
        x = false
      }
    }
    objects = [
      {
        a = 1
      },
      {
        bb = 2
      },
    ]
    "quoted key" = "needs quotes"
    "for"        = "keyword key"
    null_value   = null
  }
  a            = 1
  longer_name  = true
  empty_list   = []
  empty_object = {}
  nothing      = null
}
