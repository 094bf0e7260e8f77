"""The browser runtime: quiz client and worker (JS/CSS) and the list of files a site needs."""

from edusite.runtime.install import RuntimeLayout, assets_hash, site_files

__all__ = ["RuntimeLayout", "assets_hash", "site_files"]
