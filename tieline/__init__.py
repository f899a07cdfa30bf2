"""tieline: relations between states, read from the news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tieline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
