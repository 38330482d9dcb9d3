"""SHACL validation of the merged graph against ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.store import Store


@dataclass
class ValidationResult:
    conforms: bool
    violations: int
    text: str


def validate(store: Store) -> ValidationResult:
    """Validate the merged graph; the ontology supplies the class hierarchy (RDFS inference)."""
    import io

    import pyoxigraph as ox
    import rdflib
    from pyshacl import validate as shacl

    from kg.ontology import ontology_path, shapes_path

    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_TRIPLES)
    data = rdflib.Graph()
    data.parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(shapes_path(), format="turtle")
    ontology = rdflib.Graph().parse(ontology_path(), format="turtle")
    conforms, report_graph, text = shacl(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                         abort_on_first=False, allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = sum(1 for _ in report_graph.subjects(sh.resultSeverity, sh.Violation))
    return ValidationResult(conforms=bool(conforms), violations=violations, text=str(text))
