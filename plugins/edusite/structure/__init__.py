"""Domain objects without MkDocs: front matter, bibliography and reference formatting, pages."""
