"""The offline HTML network view: ``render_view(to_networkx(store), "exports/graph.html", title=...)``.

Nothing heavy is imported here: networkx, numpy and pyvis load when a page is rendered.
"""

from kg.view.render import ViewReport, render_view

__all__ = ["render_view", "ViewReport"]
