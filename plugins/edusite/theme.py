"""The plugin's templates as a theme layer, so any site using the plugin gets them.

`templates/theme/` holds what every page needs whatever the site looks like: the
Content-Security-Policy `<meta>` tag and the files that replace Material's inline scripts,
the `<title>` re-escaping, the article header (`edusite/article.html`), both JSON-LD blocks
and the article styles (`edusite/page.html` hooks them into Material's blocks). It goes into
`config.theme.dirs`, MkDocs's list of template and static-file folders (a public attribute
of `mkdocs.theme.Theme`; MkDocs's own search plugin adds its folder the same way), right
after the site's `custom_dir` and before Material's own folder: a site's
`custom_dir/main.html` or `custom_dir/edusite/article.html` still wins, and the plugin's
files win over Material's (its `main.html`, its inline-script partials).

Done in `on_config`, before MkDocs lists the theme's static files and builds the Jinja
environment, so the assets are copied and `mkdocs serve` serves them like any theme file.
The folder holds only templates and assets: every non-template file in a theme folder is
copied into the site.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, TemplateNotFound, nodes
from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).resolve().parent / "templates" / "theme"
PAGE_TEMPLATE = "edusite/page.html"
"""The template that carries the plugin's blocks; a site's `main.html` extends it."""


def add_theme_layer(config: MkDocsConfig) -> None:
    """Put the plugin's theme folder right after the site's `custom_dir` (once)."""
    dirs = config.theme.dirs
    layer = str(THEME_DIR)
    if layer in dirs:
        return
    custom_dir = config.theme.custom_dir
    dirs.insert(dirs.index(custom_dir) + 1 if custom_dir in dirs else 0, layer)


def extends_page_template(env: Environment, name: str = "main.html") -> bool:
    """Whether `name` extends (directly or not) the plugin's page template.

    A site's own `main.html` that extends Material's "base.html" instead would silently drop
    the policy, the title escaping, the article header and the JSON-LD.
    """
    seen: set[str] = set()
    while name not in seen:
        if name == PAGE_TEMPLATE:
            return True
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name) if env.loader else ("", None, None)
        except TemplateNotFound:
            return False
        parent = next(env.parse(source).find_all(nodes.Extends), None)
        if parent is None or not isinstance(parent.template, nodes.Const):
            return False
        name = str(parent.template.value)
    return False
