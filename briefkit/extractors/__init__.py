"""Extraction: an article in, contract-shaped facts out.

One module per kind of fact, each a small function with one job, in the
spirit of spaCy's pipeline components. ``run`` composes them; it returns plain
data in the field names of the data contract (../shared/DESIGN.md), which
``briefkit.model`` turns into typed objects.
"""
