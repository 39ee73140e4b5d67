"""`wegwijzer nieuw`: write a new, commented entry file for an editor.

The file explains every field in B1 Dutch and lists the allowed values. It is
honest: it only contains facts the editor gave. Optional fields stay commented
out. A required fact that is still missing is written as an empty field, so
`wegwijzer validate` points at exactly that line until the editor fills it in.
The allowed values come from ``core.choices``, like the editors' page on the site.

Modules: ``answers`` (what the editor told us, checked), ``template`` (the commented file),
``interview`` (the questions in a terminal), ``command`` (the `wegwijzer nieuw` command).
"""
