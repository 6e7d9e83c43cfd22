// Load a GraphML or GEXF file the way Gephi Lite does (graphology-graphml / graphology-gexf browser parsers, here
// given @xmldom/xmldom's DOMParser) and print a JSON summary for tests/test_views.py:
//   {"type", "nodes", "edges", "ids", "labels", "weights": [[source, target, weight], ...], "colors"}
// Usage: node load.mjs FILE.graphml|FILE.gexf
import { readFileSync } from "node:fs";
import { DOMParser, Document } from "@xmldom/xmldom";

// The browser builds read DOMParser and Document from the global scope when they are first imported.
globalThis.DOMParser = DOMParser;
globalThis.Document = Document;
const { default: Graph } = await import("graphology");
const { default: graphml } = await import("graphology-graphml/browser/index.js");
const { default: gexf } = await import("graphology-gexf/browser/index.js");

const file = process.argv[2];
if (!file) {
  console.error("usage: node load.mjs FILE.graphml|FILE.gexf");
  process.exit(2);
}
const text = readFileSync(file, "utf-8");
const parser = file.toLowerCase().endsWith(".gexf") ? gexf : graphml;
const graph = parser.parse(Graph, text); // strict: no missing nodes, no undeclared attributes

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const weights = graph
  .mapEdges((edge, attrs, source, target) => [source, target, attrs.weight ?? null])
  .sort((a, b) => byString(a[0], b[0]) || byString(a[1], b[1]));
const summary = {
  type: graph.type,
  nodes: graph.order,
  edges: graph.size,
  ids: graph.nodes().sort(byString),
  labels: graph.mapNodes((node, attrs) => attrs.label ?? null).sort(byString),
  weights,
  colors: [...new Set(graph.mapNodes((node, attrs) => attrs.color ?? null))].sort(byString),
};
process.stdout.write(JSON.stringify(summary) + "\n");
