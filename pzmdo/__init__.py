"""pzmdo: the MDO/PaTz tool for palliative care in Dutch general practice."""

# The one version number: package metadata, `pzmdo --version`, the About box, PDF footers.
__version__ = "0.1.0"
