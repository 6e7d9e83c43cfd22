"""Render the `nations` view of a built graph to a PNG (networkx + matplotlib).

    python docs/render_nations.py out/graph.ttl docs/nations-seed.png

Needs matplotlib (`pip install 'ddkg[docs]'`). Node size: meetings attended; edge width: shared meetings.
"""

from __future__ import annotations

import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import rdflib  # noqa: E402

from kg.export.views import build_view  # noqa: E402


def render(graph_path: str, png_path: str) -> None:
    view = build_view(rdflib.Graph().parse(graph_path), "nations")
    pos = nx.spring_layout(view, seed=7, weight="weight")
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=120)
    sizes = [600 + 500 * view.nodes[n].get("meetings", 1) for n in view]
    widths = [1.5 + 2.5 * d.get("weight", 1) for _, _, d in view.edges(data=True)]
    nx.draw_networkx_edges(view, pos, width=widths, edge_color="#9aa5b1", ax=ax)
    nx.draw_networkx_nodes(view, pos, node_size=sizes, node_color="#2f6db5", ax=ax)
    nx.draw_networkx_labels(view, pos, labels={n: n.rsplit("/", 1)[-1] for n in view}, font_color="white",
                            font_size=8, font_weight="bold", ax=ax)
    below = {n: (x, y - 0.17) for n, (x, y) in pos.items()}
    nx.draw_networkx_labels(view, below, labels={n: view.nodes[n]["label"] for n in view}, font_size=8, ax=ax)
    nx.draw_networkx_edge_labels(view, pos, edge_labels={(a, b): int(d["weight"]) for a, b, d in view.edges(data=True)},
                                 font_size=8, ax=ax)
    ax.set_title("Nations that met: shared meetings (seed press release)", fontsize=10)
    ax.margins(0.15)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(png_path)


if __name__ == "__main__":
    render(sys.argv[1], sys.argv[2])
