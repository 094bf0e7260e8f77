"""Domain objects without MkDocs: front matter, the bibliography (CSL-JSON or BibTeX) and
reference formatting (CSL), pages."""
