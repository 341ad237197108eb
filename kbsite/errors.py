"""The one error type of the site's layers. Its message names the file to
open, the field and the fix; each generator's adapter shows it in its own
way (MkDocs: as a PluginError, which stops the build without a traceback)."""


class SiteError(Exception):
    """Bad input, or a theme upgrade the code must follow; the message says which."""
