"""edusite: articles with citations, FAQs and in-browser Python quizzes for MkDocs."""
