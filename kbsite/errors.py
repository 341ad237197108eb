"""The one error type of the site's layers. Its message names the file to
open, the field and the fix.

A plain exception: the layers import no generator. The MkDocs adapter
(hooks/knowledge_base.py) turns it into MkDocs' PluginError, which MkDocs
shows as a message and a failed build, not a traceback; the commands (make
build, make check, the post-build command) print its message."""


class SiteError(Exception):
    """Bad input, or a theme upgrade the code must follow; the message says which."""
