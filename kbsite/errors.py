"""The one error type of the site's layers. Its message names the file to
open, the field and the fix.

Under MkDocs it is a PluginError, which MkDocs shows as a message and a
failed build, not a traceback; elsewhere (Zensical, `make check`, the
post-build command) a plain exception whose message the caller prints."""

try:
    from mkdocs.exceptions import PluginError as _Base
except ImportError:   # a generator without MkDocs
    _Base = Exception


class SiteError(_Base):
    """Bad input, or a theme upgrade the code must follow; the message says which."""
