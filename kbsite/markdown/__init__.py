"""Python-Markdown extensions of the site: each is `kbsite.markdown.<name>`
in `markdown_extensions:` and in `markdown.markdown(text, extensions=[...])`,
tested as Markdown in, HTML out (tests/unit/test_markdown_extensions.py)."""
