"""The site's own behaviour, in layers that any generator can use (the
layers issue): Python-Markdown extensions for what changes a page's HTML
(kbsite.markdown), each working in a plain `markdown.markdown(...)` call.
MkDocs lists them under `markdown_extensions:`; the Makefile puts this
folder on the virtual environment's path (.venv/.../kbsite.pth)."""
