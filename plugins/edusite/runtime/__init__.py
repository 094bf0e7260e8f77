"""The browser runtime: quiz client and worker (JS/CSS) and installing them into a site."""

from edusite.runtime.install import RuntimeLayout, assets_hash, install

__all__ = ["RuntimeLayout", "assets_hash", "install"]
