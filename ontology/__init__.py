"""The ddkg ontology and SHACL shapes, shipped as package data (see kg.resources)."""
